using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Flags;

/// A round taken under its row lock, so that checking flags, resolving them, finalising and
/// changing a final ranking of one round happen one at a time (the second waits, then sees what
/// the first did).
public static class RoundLock
{
    /// The round, tracked, with its prizes and moves; null when there is none. Call inside a
    /// transaction.
    public static async Task<InfluencerRound?> ForUpdateAsync(AppDbContext db, int roundId, CancellationToken cancellationToken)
    {
        var round = await db.InfluencerRounds
            .FromSql($"SELECT *, xmin FROM influencer_rounds WHERE id = {roundId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (round is not null)
        {
            await db.Entry(round).Collection(r => r.Prizes).LoadAsync(cancellationToken);
            await db.Entry(round).Collection(r => r.StateChanges).LoadAsync(cancellationToken);
        }
        return round;
    }
}
