using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Admin.Melokal;

public sealed record RoundAdminCampaign(int Id, string Slug);

public sealed record RoundAdminEntry(int Id, string Email, string Name);

/// Campaigns, events, rounds and sign-ups made straight in the database for the Melokal staff
/// tests: each test makes its own and depends on no other test or demo round.
internal static class MelokalRoundData
{
    public const string StaffEmail = "staf@melokal.test";
    public const string StaffPassword = "Staf-Melokal-2026";

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    public static async Task<RoundAdminCampaign> CreateCampaignAsync(SiteFixture site)
    {
        var now = DateTimeOffset.UtcNow;
        var campaign = new Campaign
        {
            Slug = "kampanye-melokal-" + Unique(),
            Name = "Kampanye Melokal Uji " + Unique(),
            Hashtag = "#MelokalUji",
            StartsOn = new DateOnly(2030, 1, 1),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await WriteAsync(site, db => db.Campaigns.Add(campaign));
        return new RoundAdminCampaign(campaign.Id, campaign.Slug);
    }

    public static async Task<int> CreateEventAsync(SiteFixture site, int campaignId, DateTimeOffset startsAt)
    {
        var now = DateTimeOffset.UtcNow;
        var ev = new CampaignEvent
        {
            Slug = "ngobrol-santai-" + Unique(),
            Title = "Ngobrol Santai Uji",
            CampaignId = campaignId,
            StartsAt = startsAt,
            Capacity = 50,
            State = EventState.Published,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await WriteAsync(site, db => db.Events.Add(ev));
        return ev.Id;
    }

    /// A round of the campaign moved, step by step as staff would, to <paramref name="state"/>
    /// (not Final: that takes finalising).
    public static async Task<int> CreateRoundAsync(SiteFixture site, int campaignId, RoundState state = RoundState.Draft, string? title = null)
    {
        var now = DateTimeOffset.UtcNow;
        var round = new InfluencerRound
        {
            CampaignId = campaignId,
            Slug = "putaran-" + Unique(),
            Title = title ?? "Putaran Uji " + Unique(),
            WindowStartsOn = new DateOnly(2030, 2, 1),
            Rules = "Unggah minimal **dua** kiriman.",
            CreatedAt = now,
            UpdatedAt = now,
        };
        round.SetPrizes([new RoundPrize { Rank = 1, Description = "Voucher belanja", ValueRupiah = 1_500_000 }]);
        foreach (var step in new[] { RoundState.OpenForSignUp, RoundState.Monitoring, RoundState.Scoring })
        {
            if (round.State == state)
            {
                break;
            }
            Assert.True(round.MoveTo(step, now, "Staf Uji"));
        }
        Assert.Equal(state, round.State);
        await WriteAsync(site, db => db.InfluencerRounds.Add(round));
        return round.Id;
    }

    /// A sign-up with an Instagram and a TikTok handle, in the given status.
    public static async Task<RoundAdminEntry> CreateEntryAsync(SiteFixture site, int roundId, EntryStatus status, string? name = null)
    {
        var now = DateTimeOffset.UtcNow;
        var key = Unique();
        var influencer = new Influencer
        {
            Name = name ?? "Influencer Uji " + key,
            City = "Denpasar",
            Email = $"influencer-{key}@uji.test",
            WhatsApp = "+6281298765432",
            CreatedAt = now,
            UpdatedAt = now,
        };
        influencer.NormaliseEmail();
        await WriteAsync(site, db => db.Influencers.Add(influencer));
        var entry = new RoundEntry { RoundId = roundId, InfluencerId = influencer.Id, SignedUpAt = now };
        entry.SetHandles([
            EntryHandle.Create(roundId, SocialPlatform.Instagram, "@kopi." + key, 12_500),
            EntryHandle.Create(roundId, SocialPlatform.TikTok, "kopi" + key, 3_400),
        ]);
        entry.StartConfirmation();
        if (status != EntryStatus.Unconfirmed)
        {
            entry.ConfirmEmail(now);
        }
        if (status == EntryStatus.Approved)
        {
            Assert.NotNull(entry.Approve(now, "Staf Uji"));
        }
        else if (status == EntryStatus.Declined)
        {
            Assert.True(entry.Decline(now, "Staf Uji", "Akun belum aktif."));
        }
        await WriteAsync(site, db => db.RoundEntries.Add(entry));
        return new RoundAdminEntry(entry.Id, influencer.Email, influencer.Name);
    }

    public static async Task<T> ReadAsync<T>(SiteFixture site, Func<AppDbContext, Task<T>> read)
    {
        using var _ = site.CreateDbContext(out var scope);
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static async Task<HttpClient> StaffClientAsync(SiteFixture site)
    {
        var client = site.CreateClient();
        await client.LogInAsync(StaffEmail, StaffPassword);
        return client;
    }

    private static async Task WriteAsync(SiteFixture site, Action<AppDbContext> add)
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        add(db);
        await db.SaveChangesAsync();
    }
}
