using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

public sealed record RoundHistoryRow(RoundState From, RoundState To, DateTimeOffset At, string By, string? Reason);

public sealed record RoundOverview(
    RoundEditorView Round, IReadOnlyList<RoundHistoryRow> History, IReadOnlyList<RoundState> Moves,
    IReadOnlyDictionary<EntryStatus, int> Entries, int Posts, int OpenFlags)
{
    public int EntriesWith(EntryStatus status) => Entries.TryGetValue(status, out var count) ? count : 0;
}

/// A round's overview for staff: its settings, history, the moves allowed now and its counts.
public sealed class RoundOverviewQuery(AppDbContext db, RoundEditorQuery editor)
{
    public async Task<RoundOverview?> RunAsync(int id, CancellationToken cancellationToken)
    {
        var round = await editor.RunAsync(id, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var history = await db.RoundStateChanges.AsNoTracking().Where(c => c.RoundId == id).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new RoundHistoryRow(c.From, c.To, c.At, c.By, c.Reason)).ToListAsync(cancellationToken);
        var entries = await db.RoundEntries.AsNoTracking().Where(e => e.RoundId == id).GroupBy(e => e.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var posts = await db.RoundPosts.CountAsync(p => p.RoundId == id, cancellationToken);
        var openFlags = await db.RoundFlags.CountAsync(f => f.RoundId == id && f.Status == FlagStatus.Open, cancellationToken);
        var moves = await db.InfluencerRounds.AsNoTracking().Where(r => r.Id == id).SingleAsync(cancellationToken);
        return new RoundOverview(round, history, moves.MovesFromHere(), entries, posts, openFlags);
    }
}
