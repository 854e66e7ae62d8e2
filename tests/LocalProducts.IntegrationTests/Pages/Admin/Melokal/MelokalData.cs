using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Admin.Melokal;

/// A round made straight in the database, with its influencers' handles (Instagram and TikTok).
public sealed record ImportRound(int RoundId, IReadOnlyList<TestInfluencer> Approved, TestInfluencer Pending);

public sealed record TestInfluencer(int EntryId, string Handle);

/// Melokal rounds for the import tests: each test makes its own round, so no test depends on another.
internal static class MelokalData
{
    /// The round's first day (WIB); it watches seven days.
    public static readonly DateOnly WindowStartsOn = new(2027, 1, 12);

    public static async Task<ImportRound> CreateRoundAsync(SiteFixture site, int approved = 3, RoundState state = RoundState.Monitoring)
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var key = Guid.NewGuid().ToString("N")[..8];
        var campaign = new Campaign { Slug = $"uji-{key}", Name = $"Kampanye uji {key}", Hashtag = $"#Uji{key}", StartsOn = new(2027, 1, 1) };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var round = new InfluencerRound
        {
            CampaignId = campaign.Id,
            Slug = $"putaran-{key}",
            Title = $"Putaran uji {key}",
            WindowStartsOn = WindowStartsOn,
            Platforms = [SocialPlatform.Instagram, SocialPlatform.TikTok],
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var next in new[] { RoundState.OpenForSignUp, RoundState.Monitoring, RoundState.Scoring })
        {
            if (round.State == state)
            {
                break;
            }
            round.MoveTo(next, now, "Staf Uji");
        }
        db.InfluencerRounds.Add(round);
        await db.SaveChangesAsync();

        var entries = new List<(RoundEntry Entry, string Handle)>();
        for (var i = 0; i <= approved; i++)
        {
            var handle = $"inf{i}.{key}";
            var influencer = new Influencer { Name = $"Influencer {i} {key}", City = "Denpasar", Email = $"{handle}@example.test", CreatedAt = now, UpdatedAt = now };
            influencer.NormaliseEmail();
            db.Influencers.Add(influencer);
            await db.SaveChangesAsync();
            var entry = new RoundEntry { RoundId = round.Id, InfluencerId = influencer.Id, SignedUpAt = now };
            entry.SetHandles([
                EntryHandle.Create(round.Id, SocialPlatform.Instagram, "@" + handle, 10_000 + i),
                EntryHandle.Create(round.Id, SocialPlatform.TikTok, handle, 20_000 + i),
            ]);
            entry.ConfirmEmail(now);
            // The last one stays pending: its rows are refused.
            if (i < approved)
            {
                entry.Approve(now, "Staf Uji");
            }
            db.RoundEntries.Add(entry);
            entries.Add((entry, handle));
        }
        await db.SaveChangesAsync();
        var influencers = entries.Select(e => new TestInfluencer(e.Entry.Id, e.Handle)).ToList();
        return new ImportRound(round.Id, influencers[..approved], influencers[approved]);
    }
}
