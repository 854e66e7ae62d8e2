using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Standings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Melokal.Flags;

/// What one check did, with the standings it checked (finalising freezes those).
public sealed record FlagCheck(int Added, int Updated, int Removed, int Open, RoundStandings Standings);

/// Scores the round from its stored rows and brings its flags up to date: a newly detected flag
/// is added, an open flag still detected takes the new figures, an open flag no longer detected
/// goes; resolved flags are staff's decisions and stay as they are. Run by staff ("Periksa
/// tanda") and by finalising.
public sealed class CheckRoundFlagsCommand(
    AppDbContext db, RoundStandingsQuery standings, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<CheckRoundFlagsCommand> logger)
{
    public async Task<CommandResult> RunAsync(int roundId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var round = await RoundLock.ForUpdateAsync(db, roundId, cancellationToken);
        if (round is null)
        {
            return CommandResult.NotFound;
        }
        if (round.State is not (RoundState.Monitoring or RoundState.Scoring))
        {
            return CommandResult.Invalid("", text["Tanda diperiksa selama pemantauan dan penilaian saja."]);
        }
        var check = await SyncAsync(round, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Saved(text["Tanda diperiksa: {0} baru, {1} diperbarui, {2} tidak terdeteksi lagi; {3} terbuka.",
            check.Added, check.Updated, check.Removed, check.Open], round.Id);
    }

    /// The check itself, inside the caller's transaction with the round under its lock
    /// (<see cref="RoundLock"/>), so two checks never add the same flag twice.
    public async Task<FlagCheck> SyncAsync(InfluencerRound round, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scored = await standings.ScoreAsync(round, cancellationToken);
        var stored = await db.RoundFlags.Where(f => f.RoundId == round.Id).ToListAsync(cancellationToken);
        var byKey = stored.ToDictionary(Key);
        var detected = scored.Flags.GroupBy(Key).Select(g => g.First()).ToList();
        var detectedKeys = detected.Select(Key).ToHashSet();
        int added = 0, updated = 0, removed = 0;
        foreach (var flag in detected)
        {
            if (byKey.TryGetValue(Key(flag), out var existing))
            {
                if (existing.IsOpen && (existing.Observed != flag.Observed || existing.Limit != flag.Limit || existing.Figures != flag.Figures))
                {
                    existing.Observed = flag.Observed;
                    existing.Limit = flag.Limit;
                    existing.Figures = Fit(flag.Figures);
                    updated++;
                }
                continue;
            }
            db.RoundFlags.Add(new RoundFlag
            {
                RoundId = round.Id,
                Rule = flag.Rule,
                EntryId = flag.EntryId,
                PostId = flag.PostId,
                Platform = flag.Platform,
                Observed = flag.Observed,
                Limit = flag.Limit,
                Figures = Fit(flag.Figures),
                RaisedAt = now,
            });
            added++;
        }
        foreach (var gone in stored.Where(f => f.IsOpen && !detectedKeys.Contains(Key(f))))
        {
            db.RoundFlags.Remove(gone);
            removed++;
        }
        await db.SaveChangesAsync(cancellationToken);
        var open = await db.RoundFlags.CountAsync(f => f.RoundId == round.Id && f.Status == FlagStatus.Open, cancellationToken);
        logger.LogInformation("Flags of round {RoundId} checked: {Added} added, {Updated} updated, {Removed} removed, {Open} open",
            round.Id, added, updated, removed, open);
        return new FlagCheck(added, updated, removed, open, scored);
    }

    private static (FlagRule, int, SocialPlatform?, long?) Key(RoundFlag f) => (f.Rule, f.EntryId, f.Platform, f.PostId);

    private static (FlagRule, int, SocialPlatform?, long?) Key(DetectedFlag f) => (f.Rule, f.EntryId, f.Platform, f.PostId);

    // The column holds 600 characters; the figures are numbers and an address, well under that.
    private static string Fit(string figures) => figures.Length > 600 ? figures[..600] : figures;
}
