using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Links;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.Submissions;

public sealed record EntryPageProduct(int Id, string Name);

public sealed record SnapshotRow(DateTimeOffset TakenAt, int? Followers, int? Likes, int? Comments, int? Shares, int? Saves, int? Views, MetricsSource Source);

public sealed record PostRow(long Id, SocialPlatform Platform, string Url, DateTimeOffset PostedAt, string? ProductName, bool InWindow, IReadOnlyList<SnapshotRow> Snapshots);

/// What an approved influencer sees on their own page.
public sealed record EntryPage(
    int EntryId, int RoundId, string InfluencerName, string RoundTitle, string CampaignName, DateOnly WindowStartsOn, DateOnly WindowEndsOn,
    IReadOnlyList<SocialPlatform> Platforms, bool TakesPosts, IReadOnlyList<EntryPageProduct> Products,
    IReadOnlyList<InfluencerLinkClicks> Links, IReadOnlyList<PostRow> Posts);

/// The influencer's page by entry and the code from the approval e-mail. Null for anything else
/// (no entry, not approved, wrong code): the page answers 404 and tells nothing.
public sealed class EntryPageQuery(AppDbContext db, InfluencerLinkClicksQuery clicks)
{
    public async Task<EntryPage?> RunAsync(int entryId, string? code, CancellationToken cancellationToken)
    {
        var entry = await db.RoundEntries.AsNoTracking().Include(e => e.Round).ThenInclude(r => r!.Campaign).Include(e => e.Influencer)
            .SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null || !entry.IsSubmissionCode(code))
        {
            return null;
        }
        var round = entry.Round!;
        var products = await RoundProducts.Of(db, round.Id).AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new EntryPageProduct(p.Id, p.Name)).ToListAsync(cancellationToken);
        var posts = await db.RoundPosts.AsNoTracking().Where(p => p.EntryId == entryId).OrderBy(p => p.PostedAt)
            .Select(p => new
            {
                p.Id,
                p.Platform,
                p.Url,
                p.PostedAt,
                ProductName = db.Products.Where(pr => pr.Id == p.ProductId).Select(pr => pr.Name).FirstOrDefault(),
                Snapshots = db.MetricSnapshots.Where(s => s.PostId == p.Id).OrderByDescending(s => s.TakenAt)
                    .Select(s => new SnapshotRow(s.TakenAt, s.Followers, s.Likes, s.Comments, s.Shares, s.Saves, s.Views, s.Source)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new EntryPage(entry.Id, round.Id, entry.Influencer!.Name, round.Title, round.Campaign!.Name, round.WindowStartsOn, round.WindowEndsOn,
            [.. SocialPlatforms.All.Where(round.Platforms.Contains)], round.TakesPosts, products,
            await clicks.ForEntryAsync(entryId, cancellationToken),
            [.. posts.Select(p => new PostRow(p.Id, p.Platform, p.Url, p.PostedAt, p.ProductName, round.IsInWindow(p.PostedAt), p.Snapshots))]);
    }
}
