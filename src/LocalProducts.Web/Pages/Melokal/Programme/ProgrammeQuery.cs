using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Rounds;
using LocalProducts.Web.Pages.Melokal.Standings;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.Programme;

/// The programme's figures since it began, from the stored rows. Each is written out in one
/// sentence on /melokal.
/// <param name="RoundsHeld">Rounds that reached monitoring or later.</param>
/// <param name="Influencers">Different influencers approved for a round that was held.</param>
/// <param name="PostsCounted">Scored posts of rounds held, from influencers not excluded: posted
/// inside the window, on a counted platform, about the round's products when it names them, with
/// figures to divide by. A final round counts its frozen result.</param>
/// <param name="Engagements">The likes, comments, shares and saves of those posts.</param>
/// <param name="ProductsPromoted">Different products that a public round named or a post was about.</param>
public sealed record ProgrammeTotals(int RoundsHeld, int Influencers, int PostsCounted, long Engagements, int ProductsPromoted);

public sealed record ProgrammeView(int Year, IReadOnlyList<PublicRound> RoundsThisYear, IReadOnlyList<PublicRound> OpenRounds, ProgrammeTotals Totals);

public sealed class ProgrammeQuery(AppDbContext db, TimeProvider clock, RoundStandingsQuery standings)
{
    public async Task<ProgrammeView> RunAsync(CancellationToken cancellationToken)
    {
        var year = Wib.Today(clock).Year;
        var firstDay = new DateOnly(year, 1, 1);
        var nextYear = firstDay.AddYears(1);
        var thisYear = await PublicRounds.LoadAsync(db, r => r.WindowStartsOn >= firstDay && r.WindowStartsOn < nextYear, cancellationToken);
        var open = await PublicRounds.LoadAsync(db, r => r.State == RoundState.OpenForSignUp, cancellationToken);
        return new ProgrammeView(year, thisYear, open, await TotalsAsync(cancellationToken));
    }

    public async Task<ProgrammeTotals> TotalsAsync(CancellationToken cancellationToken)
    {
        var held = db.InfluencerRounds.AsNoTracking().Where(r => r.State >= RoundState.Monitoring);
        var heldIds = await held.Select(r => new { r.Id, r.State }).ToListAsync(cancellationToken);
        var influencers = await db.RoundEntries.AsNoTracking()
            .Where(e => e.Status == EntryStatus.Approved && held.Any(r => r.Id == e.RoundId))
            .Select(e => e.InfluencerId).Distinct().CountAsync(cancellationToken);

        // A final round counts what was frozen; a round still watched or scored, its standings now.
        var finalIds = heldIds.Where(r => r.State == RoundState.Final).Select(r => r.Id).ToList();
        var frozen = await db.RoundResults.AsNoTracking()
            .Where(r => finalIds.Contains(r.RoundId) && (r.Unranked == null || r.Unranked != UnrankedReason.Excluded))
            .GroupBy(r => r.RoundId)
            .Select(g => new { RoundId = g.Key, Posts = g.Sum(r => r.ScoredPosts), Engagements = g.Sum(r => r.Engagements) })
            .ToListAsync(cancellationToken);
        var posts = frozen.Sum(f => f.Posts);
        var engagements = frozen.Sum(f => f.Engagements);
        var frozenIds = frozen.Select(f => f.RoundId).ToHashSet();
        foreach (var live in heldIds.Where(r => !frozenIds.Contains(r.Id)))
        {
            var scored = await standings.RunAsync(live.Id, cancellationToken);
            foreach (var score in scored?.Scores.Where(s => !s.Entry.Excluded) ?? [])
            {
                posts += score.ScoredPosts;
                engagements += score.Engagements;
            }
        }

        var visible = PublicRounds.Visible(db.InfluencerRounds.AsNoTracking());
        var named = (await visible.Select(r => r.PromotedProductIds).ToListAsync(cancellationToken)).SelectMany(ids => ids);
        var postedAbout = await db.RoundPosts.AsNoTracking()
            .Where(p => p.ProductId != null && visible.Any(r => r.Id == p.RoundId))
            .Select(p => p.ProductId!.Value).Distinct().ToListAsync(cancellationToken);
        var productIds = named.Concat(postedAbout).Distinct().ToList();
        var products = await db.Products.AsNoTracking().CountAsync(p => productIds.Contains(p.Id), cancellationToken);

        return new ProgrammeTotals(heldIds.Count, influencers, posts, engagements, products);
    }
}
