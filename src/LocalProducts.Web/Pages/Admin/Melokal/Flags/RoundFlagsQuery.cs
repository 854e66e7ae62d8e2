using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Admin.Melokal.Content;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Flags;

public sealed record FlagRow(
    long Id, FlagRule Rule, FlagStatus Status, int EntryId, string InfluencerName, string? Handle, SocialPlatform? Platform, long? PostId, string? PostUrl,
    double Observed, double Limit, string Figures, DateTimeOffset RaisedAt, string? Resolution, string? ResolvedBy, DateTimeOffset? ResolvedAt);

public sealed record RoundFlagsView(RoundHeading Round, IReadOnlyList<FlagRow> Open, IReadOnlyList<FlagRow> Resolved)
{
    /// Flags are checked and resolved while the round is watched or scored (and resolved, as a
    /// change after final, once it is final).
    public bool MayCheck => Round.State is RoundState.Monitoring or RoundState.Scoring;

    public bool MayResolve => Round.State is RoundState.Monitoring or RoundState.Scoring or RoundState.Final;
}

/// The round's stored flags: open ones first, then staff's decisions.
public sealed class RoundFlagsQuery(AppDbContext db)
{
    public async Task<RoundFlagsView?> RunAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await db.InfluencerRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var rows = await db.RoundFlags.AsNoTracking().Where(f => f.RoundId == roundId)
            .Select(f => new FlagRow(
                f.Id, f.Rule, f.Status, f.EntryId, f.Entry!.Influencer!.Name,
                db.EntryHandles.Where(h => h.EntryId == f.EntryId && h.Platform == f.Platform).Select(h => h.Handle).FirstOrDefault(),
                f.Platform, f.PostId, f.Post == null ? null : f.Post.Url,
                f.Observed, f.Limit, f.Figures, f.RaisedAt, f.Resolution, f.ResolvedBy, f.ResolvedAt))
            .ToListAsync(cancellationToken);
        return new RoundFlagsView(
            await RoundHeading.OfAsync(db, round, cancellationToken),
            [.. rows.Where(r => r.Status == FlagStatus.Open).OrderBy(r => r.InfluencerName).ThenBy(r => r.Rule).ThenBy(r => r.Id)],
            [.. rows.Where(r => r.Status != FlagStatus.Open).OrderByDescending(r => r.ResolvedAt).ThenBy(r => r.Id)]);
    }
}
