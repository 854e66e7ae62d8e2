using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Admin.Melokal;

/// A Melokal round of its own, made straight in the database: three approved influencers with
/// two Instagram posts each, scored in a window of 10–16 January 2026 (WIB), in the scoring stage.
/// With <c>flagged</c> the rows raise three flags: Ayu's followers jump 18.2 % (10000 → 11820),
/// and Bima's second post has 2,000 likes for 5 comments (likes without comments, and an outlier
/// rate). Without it nothing is flagged and Ayu ranks first, Bima second, Citra third.
internal static class MelokalFlagData
{
    public static readonly DateOnly WindowStartsOn = new(2026, 1, 10);

    public const string FirstPrize = "Voucher belanja produk lokal";
    public const long FirstPrizeValue = 1_500_000;
    public const string SecondPrize = "Paket kopi Nusantara";

    /// The hour (WIB) of a day of the window, in UTC as the database stores it.
    public static DateTimeOffset Day(int day, int hour = 12) =>
        new DateTimeOffset(WindowStartsOn.ToDateTime(new TimeOnly(hour, 0)).AddDays(day), Wib.Offset).ToUniversalTime();

    public static async Task<TestRound> CreateAsync(SiteFixture site, bool flagged)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var campaign = new Campaign { Slug = $"kampanye-tanda-{tag}", Name = $"Kampanye uji {tag}", Hashtag = "#MelokalUji", StartsOn = WindowStartsOn.AddDays(-10), CreatedAt = now, UpdatedAt = now };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var round = new InfluencerRound
        {
            CampaignId = campaign.Id,
            Slug = $"putaran-{tag}",
            Title = $"Melokal Uji {tag}",
            WindowStartsOn = WindowStartsOn,
            CreatedAt = now,
            UpdatedAt = now,
        };
        round.SetPrizes([
            new RoundPrize { Rank = 1, Description = FirstPrize, ValueRupiah = FirstPrizeValue },
            new RoundPrize { Rank = 2, Description = SecondPrize, ValueRupiah = 0 },
        ]);
        db.InfluencerRounds.Add(round);
        await db.SaveChangesAsync();

        // Likes and comments per post; followers at the two snapshots of the account.
        var ayu = await AddEntryAsync(db, round, $"Ayu Uji {tag}", $"ayu{tag}", now,
            [(420, 20, 10_000), (400, 20, flagged ? 11_820 : 10_000)]);
        var bima = await AddEntryAsync(db, round, $"Bima Uji {tag}", $"bima{tag}", now,
            [(360, 20, 10_000), flagged ? (2_000, 5, 10_000) : (350, 20, 10_000)]);
        var citra = await AddEntryAsync(db, round, $"Citra Uji {tag}", $"citra{tag}", now,
            [(300, 20, 10_000), (290, 20, 10_000)]);

        Assert.True(round.MoveTo(RoundState.OpenForSignUp, now, "Staf Uji"));
        Assert.True(round.MoveTo(RoundState.Monitoring, now, "Staf Uji"));
        Assert.True(round.MoveTo(RoundState.Scoring, now, "Staf Uji"));
        await db.SaveChangesAsync();
        return new TestRound(round.Id, campaign.Slug, round.Slug, round.Title, [ayu, bima, citra]);
    }

    private static async Task<TestEntry> AddEntryAsync(
        AppDbContext db, InfluencerRound round, string name, string handle, DateTimeOffset now, (int Likes, int Comments, int Followers)[] posts)
    {
        var influencer = new Influencer { Name = name, City = "Bandung", Email = $"{handle}@contoh.test", CreatedAt = now, UpdatedAt = now };
        influencer.NormaliseEmail();
        db.Influencers.Add(influencer);
        await db.SaveChangesAsync();
        var entry = new RoundEntry { RoundId = round.Id, InfluencerId = influencer.Id, SignedUpAt = now };
        entry.SetHandles([EntryHandle.Create(round.Id, SocialPlatform.Instagram, handle, 10_000)]);
        Assert.True(entry.ConfirmEmail(now));
        Assert.NotNull(entry.Approve(now, "Staf Uji"));
        db.RoundEntries.Add(entry);
        await db.SaveChangesAsync();

        var postIds = new List<long>();
        for (var i = 0; i < posts.Length; i++)
        {
            var url = $"https://www.instagram.com/p/{handle}{i}/";
            var post = new RoundPost
            {
                RoundId = round.Id,
                EntryId = entry.Id,
                Platform = SocialPlatform.Instagram,
                Url = url,
                UrlKey = SocialPlatforms.PostUrlKey(SocialPlatform.Instagram, url) ?? url,
                PostedAt = Day(1 + (2 * i), 9),
                Source = MetricsSource.Staff,
                CreatedAt = now,
            };
            db.RoundPosts.Add(post);
            await db.SaveChangesAsync();
            var (likes, comments, followers) = posts[i];
            // An early snapshot (kept as history) and the one that counts, the last in the window.
            db.MetricSnapshots.Add(new MetricSnapshot
            {
                PostId = post.Id,
                TakenAt = Day(1 + (2 * i), 10),
                Followers = followers,
                Likes = likes / 2,
                Comments = comments / 2,
                Shares = 0,
                Saves = 0,
                Source = MetricsSource.Staff,
                RecordedAt = now,
            });
            db.MetricSnapshots.Add(new MetricSnapshot
            {
                PostId = post.Id,
                TakenAt = Day(1 + (2 * i), 20),
                Followers = followers,
                Likes = likes,
                Comments = comments,
                Shares = 0,
                Saves = null,
                Source = MetricsSource.Import,
                RecordedAt = now,
            });
            await db.SaveChangesAsync();
            postIds.Add(post.Id);
        }
        return new TestEntry(entry.Id, name, handle, postIds);
    }
}

internal sealed record TestRound(int RoundId, string CampaignSlug, string RoundSlug, string Title, IReadOnlyList<TestEntry> Entries)
{
    public TestEntry Ayu => Entries[0];
    public TestEntry Bima => Entries[1];
    public TestEntry Citra => Entries[2];
}

internal sealed record TestEntry(int EntryId, string Name, string Handle, IReadOnlyList<long> PostIds);
