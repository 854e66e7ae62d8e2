using System.Net;
using AngleSharp.Html.Dom;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Melokal;

public sealed record TestRound(int Id, string CampaignSlug, string Slug, int CampaignId)
{
    public string SignUpPath => $"/kampanye/{CampaignSlug}/melokal/{Slug}/daftar";
}

public sealed record TestEntry(int Id, string Code, string Email);

public sealed record TestProduct(int Id, string Slug, int IkmId, string IkmSlug);

/// Rounds, entries and links for the Melokal tests, made straight in the database: each test
/// makes its own and depends on no other test.
internal static class MelokalSignUpData
{
    public static async Task<T> WithDbAsync<T>(SiteFixture site, Func<AppDbContext, Task<T>> work)
    {
        using var _ = site.CreateDbContext(out var scope);
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static string NewEmail(string purpose) => $"{purpose}.{Guid.NewGuid():N}@contoh.test";

    /// A handle no other test uses.
    public static string NewHandle() => "uji_" + Guid.NewGuid().ToString("N")[..12];

    /// A campaign of its own with one round in the given state; the window starts two days ago
    /// (WIB), so posts made now are inside it.
    public static async Task<TestRound> CreateRoundAsync(
        SiteFixture site, RoundState state = RoundState.OpenForSignUp, int? eventId = null, int[]? promotedProductIds = null,
        SocialPlatform[]? platforms = null, int? campaignId = null)
    {
        return await WithDbAsync(site, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var suffix = Guid.NewGuid().ToString("N")[..10];
            Campaign? campaign = campaignId is { } id ? await db.Campaigns.SingleAsync(c => c.Id == id) : null;
            if (campaign is null)
            {
                campaign = new Campaign
                {
                    Slug = "kampanye-uji-" + suffix,
                    Name = "Kampanye uji " + suffix,
                    Hashtag = "#Uji" + suffix,
                    StartsOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-30),
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Campaigns.Add(campaign);
                await db.SaveChangesAsync();
            }
            var round = new InfluencerRound
            {
                CampaignId = campaign.Id,
                EventId = eventId,
                Slug = "putaran-" + suffix,
                Title = "Melokal Uji " + suffix,
                WindowStartsOn = Wib.Today(TimeProvider.System).AddDays(-2),
                Platforms = platforms ?? [SocialPlatform.Instagram, SocialPlatform.TikTok],
                PromotedProductIds = promotedProductIds ?? [],
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (var next in new[] { RoundState.OpenForSignUp, RoundState.Monitoring, RoundState.Scoring }.TakeWhile(s => s <= state))
            {
                Assert.True(round.MoveTo(next, now, "Staf Uji"));
            }
            db.InfluencerRounds.Add(round);
            await db.SaveChangesAsync();
            return new TestRound(round.Id, campaign.Slug, round.Slug, campaign.Id);
        });
    }

    /// An approved entry with one Instagram handle; returns the code of the influencer's own page.
    public static Task<TestEntry> CreateApprovedEntryAsync(SiteFixture site, int roundId, string? email = null) =>
        WithDbAsync(site, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            email ??= NewEmail("disetujui");
            var influencer = new Influencer { Name = "Influencer Uji", City = "Bandung", Email = email, CreatedAt = now, UpdatedAt = now };
            influencer.NormaliseEmail();
            db.Influencers.Add(influencer);
            await db.SaveChangesAsync();
            var entry = new RoundEntry { RoundId = roundId, InfluencerId = influencer.Id, SignedUpAt = now };
            entry.SetHandles([EntryHandle.Create(roundId, SocialPlatform.Instagram, NewHandle(), 12_000)]);
            entry.StartConfirmation();
            entry.ConfirmEmail(now);
            var code = entry.Approve(now, "Staf Uji")!;
            db.RoundEntries.Add(entry);
            await db.SaveChangesAsync();
            return new TestEntry(entry.Id, code, email);
        });

    /// Published demo products of verified makers, from at least two makers when there are.
    public static Task<List<TestProduct>> PublishedProductsAsync(SiteFixture site, int count) =>
        WithDbAsync(site, async db =>
        {
            var all = await db.Products.AsNoTracking()
                .Where(p => p.State == ProductState.Published && p.Ikm!.Verification == VerificationState.Verified)
                .OrderBy(p => p.IkmId).ThenBy(p => p.Id)
                .Select(p => new TestProduct(p.Id, p.Slug, p.IkmId, p.Ikm!.Slug))
                .ToListAsync();
            return all.GroupBy(p => p.IkmId).Select(g => g.First()).Concat(all).Distinct().Take(count).ToList();
        });

    public static async Task<string> CreateEventAsync(SiteFixture site, int? campaignId = null) => await WithDbAsync(site, async db =>
    {
        var slug = $"acara-melokal-{Guid.NewGuid():N}"[..30];
        db.Events.Add(new CampaignEvent
        {
            Slug = slug,
            Title = "Ngobrol santai uji " + slug,
            CampaignId = campaignId,
            StartsAt = DateTimeOffset.UtcNow.AddDays(10),
            Place = "Jakarta",
            Capacity = 50,
            State = EventState.Published,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return slug;
    });

    public static Task<int> EventIdAsync(SiteFixture site, string slug) =>
        WithDbAsync(site, db => db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync());

    /// Fills the sign-up form with one Instagram handle and submits it.
    public static async Task<HttpResponseMessage> SignUpAsync(
        HttpClient client, TestRound round, string email, string handle, string followers = "12.500", string name = "Rina Kusuma",
        IReadOnlyDictionary<string, string>? more = null, string? path = null)
    {
        var page = await client.GetPageAsync(path ?? round.SignUpPath);
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.City"] = "Bandung",
            ["Input.Email"] = email,
            ["Input.WhatsApp"] = "0812 3456 7890",
            ["Input.Handles[0].Handle"] = handle,
            ["Input.Handles[0].Followers"] = followers,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }
        return await client.SubmitAsync(page, "main form", values);
    }

    public static async Task<IHtmlDocument> RefusedPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SiteFixture.ParseAsync(response);
    }
}
