using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Standings;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Final;

/// The rows a final ranking is frozen into: one per approved influencer, ranked or not, with the
/// prize of their rank. The finalising page shows the same rows before they are frozen.
public static class FinalRanking
{
    private const int HandlesMaxLength = 600;
    private const int PrizeMaxLength = 300;

    public static IReadOnlyList<RoundResult> Rows(RoundStandings standings)
    {
        var prizes = standings.Round.Prizes.GroupBy(p => p.Rank).ToDictionary(g => g.Key, g => g.First());
        return standings.Scores.Select(score =>
        {
            var entry = standings.Entries[score.Entry.EntryId];
            var prize = score.Rank is { } rank ? prizes.GetValueOrDefault(rank) : null;
            return new RoundResult
            {
                RoundId = standings.Round.Id,
                EntryId = entry.EntryId,
                Rank = score.Rank,
                Name = Cut(entry.Name, Influencer.NameMaxLength),
                Handles = Cut(entry.HandlesText, HandlesMaxLength),
                Posts = score.Posts.Count,
                ScoredPosts = score.ScoredPosts,
                MedianRate = score.MedianRate,
                MeanRate = score.MeanRate,
                Engagements = score.Engagements,
                FirstPostAt = score.FirstPostAt,
                LinkClicks = score.Entry.LinkClicks,
                FlagsCleared = entry.FlagsCleared,
                Unranked = score.Unranked,
                Prize = prize is null ? null : Cut(prize.Description, PrizeMaxLength),
                PrizeValueRupiah = prize?.ValueRupiah,
            };
        }).ToList();
    }

    /// Replaces the round's stored rows, through the change tracker (so caches of public pages
    /// are evicted), inside the caller's transaction.
    public static async Task ReplaceAsync(AppDbContext db, int roundId, IReadOnlyList<RoundResult> rows, CancellationToken cancellationToken)
    {
        db.RoundResults.RemoveRange(await db.RoundResults.Where(r => r.RoundId == roundId).ToListAsync(cancellationToken));
        // Saved apart: a removed row and its replacement share a key.
        await db.SaveChangesAsync(cancellationToken);
        db.RoundResults.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
