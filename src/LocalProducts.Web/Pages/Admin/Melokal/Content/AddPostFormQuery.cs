using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Links;
using LocalProducts.Web.Pages.Melokal.Submissions;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Content;

/// An approved influencer staff may record a post for.
public sealed record AddPostInfluencer(int EntryId, string Name, string Handles);

public sealed record AddPostForm(RoundHeading Round, bool TakesPosts, IReadOnlyList<AddPostInfluencer> Influencers, IReadOnlyList<SocialPlatform> Platforms, IReadOnlyList<EntryPageProduct> Products);

public sealed class AddPostFormQuery(AppDbContext db)
{
    public async Task<AddPostForm?> RunAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await db.InfluencerRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var entries = await db.RoundEntries.AsNoTracking()
            .Where(e => e.RoundId == roundId && e.Status == EntryStatus.Approved)
            .OrderBy(e => e.Influencer!.Name)
            .Select(e => new { e.Id, e.Influencer!.Name, Handles = e.Handles.OrderBy(h => h.Platform).Select(h => h.Handle).ToList() })
            .ToListAsync(cancellationToken);
        var products = await RoundProducts.Of(db, roundId).AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new EntryPageProduct(p.Id, p.Name)).ToListAsync(cancellationToken);
        return new AddPostForm(
            await RoundHeading.OfAsync(db, round, cancellationToken),
            round.TakesPosts,
            [.. entries.Select(e => new AddPostInfluencer(e.Id, e.Name, string.Join(", ", e.Handles.Select(h => "@" + h))))],
            [.. SocialPlatforms.All.Where(round.Platforms.Contains)],
            products);
    }
}
