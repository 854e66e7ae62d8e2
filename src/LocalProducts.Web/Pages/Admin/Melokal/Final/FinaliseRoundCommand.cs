using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Pages.Admin.Melokal.Flags;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Melokal.Final;

/// Freezes a round's ranking, in one transaction under the round's lock: the flags are checked
/// again (a round with open flags is refused, the new flags kept), the round becomes final, every
/// approved influencer's row is written with the prize of their rank, and a draft news post
/// announcing the winners is prepared. Of two staff finalising at once the second is told the
/// round changed meanwhile (its row version moved).
public sealed class FinaliseRoundCommand(
    AppDbContext db, CheckRoundFlagsCommand flags, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text,
    ILogger<FinaliseRoundCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int roundId, uint version, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var by = await StaffName.OfAsync(db, user, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var round = await RoundLock.ForUpdateAsync(db, roundId, cancellationToken);
        if (round is null)
        {
            return CommandResult.NotFound;
        }
        if (round.Version != version)
        {
            return CommandResult.Conflicted(null, round.State == RoundState.Final
                ? text["Putaran ini baru saja difinalkan oleh {0}. Peringkatnya ada di bawah; tidak ada yang Anda ubah.", (round.StateChanges.Count > 0 ? round.StateChanges[^1].By : "")]
                : text["Putaran ini baru saja diubah orang lain. Periksa halaman ini lagi sebelum memfinalkan; tidak ada yang disimpan."]);
        }
        if (round.State != RoundState.Scoring)
        {
            return CommandResult.Invalid("", round.State == RoundState.Final
                ? text["Putaran ini sudah final."]
                : text["Putaran difinalkan dari tahap penilaian. Pindahkan dulu putaran ke tahap penilaian."]);
        }
        var check = await flags.SyncAsync(round, cancellationToken);
        if (round.Finalise(check.Open, now, by) == FinaliseOutcome.OpenFlags)
        {
            // The check's new flags are kept, for staff to resolve.
            await transaction.CommitAsync(cancellationToken);
            return CommandResult.Invalid("", text["Putaran belum bisa difinalkan: masih ada {0} tanda terbuka. Selesaikan dulu setiap tanda.", check.Open]);
        }
        await db.SaveChangesAsync(cancellationToken);
        var rows = FinalRanking.Rows(check.Standings);
        await FinalRanking.ReplaceAsync(db, round.Id, rows, cancellationToken);
        var post = await AnnouncementDraft.CreateAsync(db, round, rows, by, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        round.AnnouncementPostId = post.Id;
        audit.Record(CurrentUser.IdOf(user), "round-finalised", "InfluencerRound", round.Id.ToString(CultureInfo.InvariantCulture), new Dictionary<string, object?>
        {
            ["ranked"] = rows.Count(r => r.Rank is not null),
            ["unranked"] = rows.Count(r => r.Rank is null),
            ["announcementPost"] = post.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Round {RoundId} finalised: {Rows} rows, draft post {PostId}", round.Id, rows.Count, post.Id);
        return CommandResult.Saved(text["Putaran difinalkan. Draf pengumuman pemenang sudah disiapkan di redaksi."], round.Id);
    }
}
