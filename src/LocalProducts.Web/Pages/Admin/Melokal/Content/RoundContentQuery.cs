using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Standings;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Content;

public sealed record ContentSnapshot(
    DateTimeOffset TakenAt, int? Followers, int? Likes, int? Comments, int? Shares, int? Saves, int? Views, MetricsSource Source, bool Counts, bool InWindow);

public sealed record ContentPost(
    long Id, SocialPlatform Platform, string Url, DateTimeOffset PostedAt, string? ProductName, MetricsSource Source, string? ExclusionReason,
    IReadOnlyList<ContentSnapshot> Snapshots, double? Rate, RateBasis Basis, bool Partial, UnscoredReason? Unscored);

public sealed record ContentInfluencer(
    int EntryId, string Name, string Handles, string? ExclusionReason, int? Rank, UnrankedReason? Unranked, double? MedianRate, IReadOnlyList<ContentPost> Posts);

public sealed record RoundContent(RoundHeading Round, int Page, int PageCount, int InfluencerCount, int PostCount, IReadOnlyList<ContentInfluencer> Influencers);

/// Every approved influencer's posts for the round with their snapshots and how each is scored
/// now, a page of influencers at a time (all of one influencer's posts stay together).
public sealed class RoundContentQuery(AppDbContext db, RoundStandingsQuery standings)
{
    public const int InfluencersPerPage = 20;

    public async Task<RoundContent?> RunAsync(int roundId, int page, CancellationToken cancellationToken)
    {
        var scored = await standings.RunAsync(roundId, cancellationToken);
        if (scored is null)
        {
            return null;
        }
        var heading = await RoundHeading.OfAsync(db, scored.Round, cancellationToken);
        var all = scored.Scores.OrderBy(s => s.Entry.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.Entry.EntryId).ToList();
        var pageCount = Math.Max(1, (all.Count + InfluencersPerPage - 1) / InfluencersPerPage);
        page = Math.Clamp(page, 1, pageCount);
        var shown = all.Skip((page - 1) * InfluencersPerPage).Take(InfluencersPerPage).ToList();

        var postIds = shown.SelectMany(s => s.Posts).Select(p => p.Post.PostId).ToList();
        var sources = await db.RoundPosts.AsNoTracking().Where(p => postIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Source }).ToDictionaryAsync(p => p.Id, p => p.Source, cancellationToken);
        var snapshots = (await db.MetricSnapshots.AsNoTracking().Where(s => postIds.Contains(s.PostId))
            .Select(s => new { s.PostId, s.TakenAt, s.Followers, s.Likes, s.Comments, s.Shares, s.Saves, s.Views, s.Source })
            .ToListAsync(cancellationToken))
            .ToLookup(s => s.PostId);
        var productIds = shown.SelectMany(s => s.Posts).Select(p => p.Post.ProductId).OfType<int>().Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var influencers = shown.Select(score =>
        {
            var entry = scored.Entries[score.Entry.EntryId];
            var posts = score.Posts.OrderBy(p => p.Post.PostedAt).ThenBy(p => p.Post.PostId).Select(p =>
            {
                var stored = scored.Posts[p.Post.PostId];
                var history = snapshots[p.Post.PostId].OrderByDescending(s => s.TakenAt).Select(s => new ContentSnapshot(
                    s.TakenAt, s.Followers, s.Likes, s.Comments, s.Shares, s.Saves, s.Views, s.Source,
                    p.Counted is { } counted && counted.TakenAt == s.TakenAt, scored.Rules.IsInWindow(s.TakenAt))).ToList();
                return new ContentPost(p.Post.PostId, p.Post.Platform, stored.Url, p.Post.PostedAt,
                    p.Post.ProductId is { } productId ? products.GetValueOrDefault(productId) : null,
                    sources.GetValueOrDefault(p.Post.PostId, MetricsSource.Staff), stored.ExclusionReason, history, p.Rate, p.Basis, p.Partial, p.Unscored);
            }).ToList();
            return new ContentInfluencer(entry.EntryId, entry.Name, entry.HandlesText, null, score.Rank, score.Unranked, score.MedianRate, posts);
        }).ToList();
        var excluded = await db.RoundEntries.AsNoTracking().Where(e => e.RoundId == roundId && e.ExclusionReason != null)
            .Select(e => new { e.Id, e.ExclusionReason }).ToDictionaryAsync(e => e.Id, e => e.ExclusionReason, cancellationToken);
        influencers = [.. influencers.Select(i => i with { ExclusionReason = excluded.GetValueOrDefault(i.EntryId) })];
        return new RoundContent(heading, page, pageCount, all.Count, scored.Posts.Count, influencers);
    }
}
