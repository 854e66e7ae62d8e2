using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Melokal;

/// Rounds, influencers, posts and figures written straight through AppDbContext, for the public
/// pages' tests. Every name is new, so tests never meet the demo data's rows.
internal sealed class MelokalPublicData(SiteFixture site)
{
    public static readonly DateTimeOffset Staff = DateTimeOffset.UtcNow;

    /// The current WIB year's 12 January: rounds watched from then are "this year's".
    public static DateOnly WindowStartThisYear => new(Wib.ToWib(DateTimeOffset.UtcNow).Year, 1, 12);

    public static DateTimeOffset Day(DateOnly windowStart, int day, int hour = 10) =>
        new DateTimeOffset(windowStart.ToDateTime(TimeOnly.MinValue), Wib.Offset).AddDays(day - 1).AddHours(hour).ToUniversalTime();

    public static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public async Task<(int Id, string Slug)> CampaignAsync()
    {
        var slug = NewSlug("kmp");
        return await WriteAsync(async db =>
        {
            var campaign = new Campaign
            {
                Slug = slug,
                Name = $"Kampanye {slug}",
                Hashtag = $"#Uji{slug.Replace("-", "", StringComparison.Ordinal)}",
                StartsOn = new DateOnly(2026, 1, 1),
                CreatedAt = Staff,
                UpdatedAt = Staff,
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return (campaign.Id, slug);
        });
    }

    /// A round moved through its states as staff would, up to <paramref name="state"/>.
    public Task<InfluencerRound> RoundAsync(
        int campaignId, RoundState state, string? title = null, DateOnly? windowStartsOn = null, int minimumPosts = 2,
        int[]? promotedProducts = null, bool videoByViews = false, IEnumerable<RoundPrize>? prizes = null) =>
        WriteAsync(async db =>
        {
            var slug = NewSlug("putaran");
            var round = new InfluencerRound
            {
                CampaignId = campaignId,
                Slug = slug,
                Title = title ?? $"Putaran {slug}",
                WindowStartsOn = windowStartsOn ?? WindowStartThisYear,
                MinimumPosts = minimumPosts,
                PromotedProductIds = promotedProducts ?? [],
                ScoreVideoByViews = videoByViews,
                CreatedAt = Staff,
                UpdatedAt = Staff,
            };
            round.SetPrizes(prizes ?? []);
            var path = new[] { RoundState.OpenForSignUp, RoundState.Monitoring, RoundState.Scoring };
            var at = Staff.AddDays(-10);
            foreach (var next in path.Where(s => s <= state))
            {
                round.MoveTo(next, at = at.AddHours(1), "Staf Uji", next == RoundState.Monitoring ? "Masa pantau dimulai" : null);
            }
            if (state == RoundState.Final)
            {
                round.Finalise(0, at.AddHours(1), "Staf Uji");
            }
            db.InfluencerRounds.Add(round);
            await db.SaveChangesAsync();
            return round;
        });

    /// An influencer with one entry in the round, approved unless told, with one handle per platform given.
    public Task<RoundEntry> EntryAsync(
        InfluencerRound round, string name, bool approved = true, string? exclusion = null, int? influencerId = null,
        params (SocialPlatform Platform, string Handle, int Followers)[] handles) =>
        WriteAsync(async db =>
        {
            if (influencerId is null)
            {
                var influencer = new Influencer
                {
                    Name = name,
                    City = "Bandung",
                    Email = $"{NewSlug("inf")}@contoh.test",
                    WhatsApp = "+6281234567890",
                    CreatedAt = Staff,
                    UpdatedAt = Staff,
                };
                influencer.NormaliseEmail();
                db.Influencers.Add(influencer);
                await db.SaveChangesAsync();
                influencerId = influencer.Id;
            }
            var entry = new RoundEntry { RoundId = round.Id, InfluencerId = influencerId.Value, SignedUpAt = Staff.AddDays(-20) };
            entry.SetHandles(handles.Select(h => EntryHandle.Create(round.Id, h.Platform, h.Handle, h.Followers)));
            entry.StartConfirmation();
            entry.ConfirmEmail(Staff.AddDays(-19));
            if (approved)
            {
                entry.Approve(Staff.AddDays(-18), "Staf Uji");
            }
            if (exclusion is not null)
            {
                entry.Exclude(exclusion);
            }
            db.RoundEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry;
        });

    /// A post with one snapshot of its figures (or none).
    public Task<RoundPost> PostAsync(
        RoundEntry entry, DateTimeOffset postedAt, SnapshotFigures? figures, SocialPlatform platform = SocialPlatform.Instagram,
        int? productId = null, string? exclusion = null) =>
        WriteAsync(async db =>
        {
            var url = $"https://www.instagram.com/p/{Guid.NewGuid():N}/";
            if (platform != SocialPlatform.Instagram)
            {
                url = platform switch
                {
                    SocialPlatform.TikTok => $"https://www.tiktok.com/@uji/video/{Random.Shared.NextInt64(1, long.MaxValue)}",
                    SocialPlatform.YouTube => $"https://www.youtube.com/watch?v={Guid.NewGuid():N}",
                    SocialPlatform.X => $"https://x.com/uji/status/{Random.Shared.NextInt64(1, long.MaxValue)}",
                    _ => $"https://www.facebook.com/uji/posts/{Random.Shared.NextInt64(1, long.MaxValue)}",
                };
            }
            var post = new RoundPost
            {
                RoundId = entry.RoundId,
                EntryId = entry.Id,
                Platform = platform,
                Url = url,
                UrlKey = SocialPlatforms.PostUrlKey(platform, url)!,
                PostedAt = postedAt,
                ProductId = productId,
                Source = MetricsSource.Staff,
                CreatedAt = Staff,
            };
            if (exclusion is not null)
            {
                post.Exclude(exclusion);
            }
            db.RoundPosts.Add(post);
            await db.SaveChangesAsync();
            if (figures is { } f)
            {
                db.MetricSnapshots.Add(new MetricSnapshot
                {
                    PostId = post.Id,
                    TakenAt = f.TakenAt ?? postedAt.AddDays(1),
                    Followers = f.Followers,
                    Likes = f.Likes,
                    Comments = f.Comments,
                    Shares = f.Shares,
                    Saves = f.Saves,
                    Views = f.Views,
                    Source = MetricsSource.Staff,
                    RecordedAt = Staff,
                });
                await db.SaveChangesAsync();
            }
            return post;
        });

    public Task ClearedFlagAsync(RoundEntry entry, FlagRule rule = FlagRule.LikesWithoutComments) =>
        WriteAsync(async db =>
        {
            var flag = new RoundFlag { RoundId = entry.RoundId, Rule = rule, EntryId = entry.Id, Figures = "1000 / 2", RaisedAt = Staff };
            flag.Resolve(FlagStatus.Cleared, "Diperiksa, wajar", Staff, "Staf Uji");
            db.RoundFlags.Add(flag);
            await db.SaveChangesAsync();
            return 0;
        });

    /// A short link of the influencer's to a product, clicked on the given days from the window's
    /// first day, and on the day after the (7-day) window.
    public Task ClicksAsync(RoundEntry entry, int afterWindow, params int[] clicksPerDay) =>
        WriteAsync(async db =>
        {
            var productId = await db.Products.Select(p => p.Id).FirstAsync();
            var code = InfluencerLink.NewCode();
            db.InfluencerLinks.Add(new InfluencerLink { Code = code, EntryId = entry.Id, ProductId = productId, CreatedAt = Staff });
            for (var i = 0; i < clicksPerDay.Length; i++)
            {
                db.InfluencerLinkClicks.Add(new InfluencerLinkClickDay { Code = code, Day = WindowStartThisYear.AddDays(i), Clicks = clicksPerDay[i] });
            }
            if (afterWindow > 0)
            {
                db.InfluencerLinkClicks.Add(new InfluencerLinkClickDay { Code = code, Day = WindowStartThisYear.AddDays(7), Clicks = afterWindow });
            }
            await db.SaveChangesAsync();
            return 0;
        });

    public Task ResultsAsync(params RoundResult[] results) =>
        WriteAsync(async db =>
        {
            db.RoundResults.AddRange(results);
            await db.SaveChangesAsync();
            return 0;
        });

    /// A change to a final round, with its reason, as the staff command records it.
    public Task ChangeAfterFinalAsync(int roundId, string reason) =>
        WriteAsync(async db =>
        {
            var round = await db.InfluencerRounds.Include(r => r.StateChanges).SingleAsync(r => r.Id == roundId);
            round.ChangeAfterFinal(DateTimeOffset.UtcNow, "Staf Uji", reason);
            await db.SaveChangesAsync();
            return 0;
        });

    public async Task<T> WriteAsync<T>(Func<AppDbContext, Task<T>> write)
    {
        var db = site.CreateDbContext(out var scope);
        using (scope)
        {
            return await write(db);
        }
    }
}

/// A snapshot's figures; null is a count the platform hid.
internal sealed record SnapshotFigures(
    int? Followers = 10_000, int? Likes = null, int? Comments = null, int? Shares = null, int? Saves = null, int? Views = null, DateTimeOffset? TakenAt = null);
