using System.Globalization;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Admin.Melokal.Final;
using LocalProducts.Web.Pages.Melokal.Links;
using LocalProducts.Web.Pages.Melokal.Standings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalProducts.Web.Data.Seeding;

/// Loads seeds/demo/melokal.json: one finalised round and one being watched, both invented. The
/// rounds are dated from their events, so a fresh demo always has a round in its week of
/// monitoring. Matched by campaign and slug: a second load adds nothing.
internal sealed class DemoRoundsSeeder(AppDbContext db, TimeProvider clock)
{
    /// Who the demo's state changes and flag decisions are recorded as.
    public const string DemoStaff = "Tim Melokal (demo)";

    public async Task SeedAsync(string path, IReadOnlyDictionary<string, Campaign> campaigns, CancellationToken cancellationToken)
    {
        foreach (var seed in SeedFiles.Read<MelokalSeed>(path).Rounds)
        {
            var campaign = campaigns[seed.Campaign];
            if (await db.InfluencerRounds.AnyAsync(r => r.CampaignId == campaign.Id && r.Slug == seed.Slug, cancellationToken))
            {
                continue;
            }
            await SeedRoundAsync(seed, campaign, cancellationToken);
        }
    }

    private async Task SeedRoundAsync(RoundSeed seed, Campaign campaign, CancellationToken cancellationToken)
    {
        var ev = await db.Events.SingleAsync(e => e.Slug == seed.Event, cancellationToken);
        var productSlugs = seed.PromotedProducts.Concat(seed.Entries.SelectMany(e => e.Posts).Select(p => p.Product).OfType<string>()).Distinct().ToList();
        var products = await db.Products.Where(p => productSlugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, p => p.Id, StringComparer.Ordinal, cancellationToken);
        var categories = await db.Categories.Where(c => seed.PromotedCategories.Contains(c.Slug)).Select(c => c.Id).ToArrayAsync(cancellationToken);
        var windowStartsOn = InfluencerRound.DefaultWindowStartAfter(ev.StartsAt);
        var created = ev.StartsAt.AddDays(-14);
        var round = new InfluencerRound
        {
            CampaignId = campaign.Id,
            EventId = ev.Id,
            Slug = seed.Slug,
            Title = seed.Title,
            WindowStartsOn = windowStartsOn,
            WindowDays = seed.WindowDays,
            Platforms = [.. seed.Platforms.Select(Platform)],
            ScoreVideoByViews = seed.ScoreVideoByViews,
            MinimumPosts = seed.MinimumPosts,
            PromotedProductIds = [.. seed.PromotedProducts.Select(s => products[s])],
            PromotedCategoryIds = categories,
            Rules = seed.Rules,
            CreatedAt = created,
            UpdatedAt = created,
        };
        round.SetPrizes(seed.Prizes.Select(p => new RoundPrize { Rank = p.Rank, Description = p.Description, ValueRupiah = p.ValueRupiah }));
        round.MoveTo(RoundState.OpenForSignUp, created.AddHours(1), DemoStaff);
        db.InfluencerRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);

        var signedUp = created.AddDays(2);
        var entriesByEmail = new Dictionary<string, RoundEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entrySeed in seed.Entries)
        {
            var influencer = await db.Influencers.FirstOrDefaultAsync(i => i.EmailKey == Influencer.KeyOf(entrySeed.Email), cancellationToken);
            if (influencer is null)
            {
                influencer = new Influencer { Name = entrySeed.Name, City = entrySeed.City, Email = entrySeed.Email, WhatsApp = entrySeed.WhatsApp, CreatedAt = signedUp, UpdatedAt = signedUp };
                influencer.NormaliseEmail();
                db.Influencers.Add(influencer);
                await db.SaveChangesAsync(cancellationToken);
            }
            var entry = new RoundEntry { RoundId = round.Id, InfluencerId = influencer.Id, SignedUpAt = signedUp };
            entry.SetHandles(entrySeed.Handles.Select(h => EntryHandle.Create(round.Id, Platform(h.Platform), h.Handle, h.Followers)));
            entry.StartConfirmation();
            entry.ConfirmEmail(signedUp.AddMinutes(5));
            if (entrySeed.Status == "approved")
            {
                entry.Approve(signedUp.AddDays(1), DemoStaff);
            }
            db.RoundEntries.Add(entry);
            entriesByEmail[entrySeed.Email] = entry;
            signedUp = signedUp.AddMinutes(37);
        }
        await db.SaveChangesAsync(cancellationToken);

        await SeedLinkClicksAsync(round, entriesByEmail.Values.Where(e => e.Status == EntryStatus.Approved), cancellationToken);
        round.MoveTo(RoundState.Monitoring, round.WindowStart.AddHours(-8).ToUniversalTime(), DemoStaff);
        foreach (var entrySeed in seed.Entries)
        {
            var entry = entriesByEmail[entrySeed.Email];
            foreach (var postSeed in entrySeed.Posts)
            {
                var platform = Platform(postSeed.Platform);
                var postedAt = At(round, postSeed.Day, postSeed.Time);
                var post = new RoundPost
                {
                    RoundId = round.Id,
                    EntryId = entry.Id,
                    Platform = platform,
                    Url = postSeed.Url,
                    UrlKey = SocialPlatforms.PostUrlKey(platform, postSeed.Url) ?? throw new InvalidDataException($"Demo post address {postSeed.Url} is not a {platform} post."),
                    PostedAt = postedAt,
                    ProductId = postSeed.Product is null ? null : products[postSeed.Product],
                    Source = MetricsSource.Import,
                    CreatedAt = postedAt.AddHours(2),
                };
                db.RoundPosts.Add(post);
                await db.SaveChangesAsync(cancellationToken);
                db.MetricSnapshots.AddRange(postSeed.Snapshots.Select(s => new MetricSnapshot
                {
                    PostId = post.Id,
                    TakenAt = At(round, s.Day, s.Time),
                    Followers = s.Followers,
                    Likes = s.Likes,
                    Comments = s.Comments,
                    Shares = s.Shares,
                    Saves = s.Saves,
                    Views = s.Views,
                    Source = MetricsSource.Import,
                    RecordedAt = At(round, s.Day, s.Time).AddMinutes(30),
                }));
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        if (seed.State == "final")
        {
            await FinaliseAsync(seed, round, entriesByEmail, cancellationToken);
        }
        db.ChangeTracker.Clear();
    }

    private async Task FinaliseAsync(RoundSeed seed, InfluencerRound round, Dictionary<string, RoundEntry> entriesByEmail, CancellationToken cancellationToken)
    {
        var scoredAt = round.WindowEnd.AddDays(1).ToUniversalTime();
        round.MoveTo(RoundState.Scoring, scoredAt, DemoStaff);
        await db.SaveChangesAsync(cancellationToken);
        var standings = await new RoundStandingsQuery(db).ScoreAsync(round, cancellationToken);
        var flags = standings.Flags.Select(f => new RoundFlag
        {
            RoundId = round.Id,
            Rule = f.Rule,
            EntryId = f.EntryId,
            PostId = f.PostId,
            Platform = f.Platform,
            Observed = f.Observed,
            Limit = f.Limit,
            Figures = f.Figures,
            RaisedAt = scoredAt,
        }).ToList();
        foreach (var resolution in seed.FlagResolutions)
        {
            var entry = entriesByEmail[resolution.Influencer];
            var rule = Enum.Parse<FlagRule>(resolution.Rule);
            var decision = Enum.Parse<FlagStatus>(resolution.Decision);
            var flag = flags.FirstOrDefault(f => f.Rule == rule && f.EntryId == entry.Id && f.IsOpen)
                ?? throw new InvalidDataException($"The demo round {seed.Slug} should raise {rule} for {resolution.Influencer}; it raised {string.Join(", ", flags.Select(f => $"{f.Rule} on entry {f.EntryId}"))}.");
            flag.Resolve(decision, resolution.Reason, scoredAt.AddHours(3), DemoStaff);
            if (decision == FlagStatus.PostExcluded)
            {
                var post = await db.RoundPosts.SingleAsync(p => p.Id == flag.PostId, cancellationToken);
                post.Exclude(resolution.Reason);
            }
            else if (decision == FlagStatus.InfluencerExcluded)
            {
                entry.Exclude(resolution.Reason);
            }
        }
        db.RoundFlags.AddRange(flags);
        await db.SaveChangesAsync(cancellationToken);
        if (flags.Any(f => f.IsOpen))
        {
            // The demo must never show a finalised round with open flags: the seed file is wrong.
            throw new InvalidDataException($"The demo round {seed.Slug} raises flags its file does not resolve: {string.Join(", ", flags.Where(f => f.IsOpen).Select(f => $"{f.Rule} on entry {f.EntryId}"))}.");
        }
        var finalisedAt = scoredAt.AddDays(1);
        round.Finalise(0, finalisedAt, DemoStaff);
        await db.SaveChangesAsync(cancellationToken);
        var rows = FinalRanking.Rows(await new RoundStandingsQuery(db).ScoreAsync(round, cancellationToken));
        await FinalRanking.ReplaceAsync(db, round.Id, rows, cancellationToken);
        var announcement = await AnnouncementDraft.CreateAsync(db, round, rows, DemoStaff, finalisedAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        round.AnnouncementPostId = announcement.Id;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// Each approved influencer's short links, and invented clicks on them for each day of the
    /// window that has begun.
    private async Task SeedLinkClicksAsync(InfluencerRound round, IEnumerable<RoundEntry> approved, CancellationToken cancellationToken)
    {
        var issue = new IssueInfluencerLinksCommand(db, clock, NullLogger<IssueInfluencerLinksCommand>.Instance);
        var today = Wib.Today(clock);
        foreach (var entry in approved.OrderBy(e => e.Id))
        {
            await issue.RunAsync(entry.Id, cancellationToken);
            var codes = await db.InfluencerLinks.Where(l => l.EntryId == entry.Id).OrderBy(l => l.ProductId).ThenBy(l => l.IkmId).Select(l => l.Code).ToListAsync(cancellationToken);
            // The same invented figures on every load of the same seeds.
            var random = new Random(entry.Id * 7_919);
            for (var day = round.WindowStartsOn; day <= round.WindowEndsOn && day <= today; day = day.AddDays(1))
            {
                foreach (var code in codes)
                {
                    var clicks = random.Next(0, 9);
                    if (clicks > 0)
                    {
                        db.InfluencerLinkClicks.Add(new InfluencerLinkClickDay { Code = code, Day = day, Clicks = clicks });
                    }
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTimeOffset At(InfluencerRound round, int day, string time) =>
        new DateTimeOffset(round.WindowStartsOn.AddDays(day).ToDateTime(TimeOnly.Parse(time, CultureInfo.InvariantCulture)), Wib.Offset).ToUniversalTime();

    private static SocialPlatform Platform(string name) =>
        SocialPlatforms.TryParse(name, out var platform) ? platform : throw new InvalidDataException($"Unknown platform '{name}' in seeds.");
}
