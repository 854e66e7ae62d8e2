using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

/// Moves a round one step (draft → open for sign-up → monitoring → scoring, and the steps back the
/// round allows) under its row lock. The form carries the version the page showed: a move made
/// meanwhile by someone else is a conflict, not a second move. The round records who moved it.
public sealed class MoveRoundCommand(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<MoveRoundCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int roundId, uint version, RoundState to, string? reason, CancellationToken cancellationToken)
    {
        if (reason?.Trim().Length > RoundStateChange.ReasonMaxLength)
        {
            return CommandResult.Invalid("Reason", text["Alasan paling banyak {0} karakter.", RoundStateChange.ReasonMaxLength]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var round = await db.InfluencerRounds.FromSql($"SELECT *, xmin FROM influencer_rounds WHERE id = {roundId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return CommandResult.NotFound;
        }
        if (round.Version != version)
        {
            return CommandResult.Conflicted(null,
                text["Putaran ini baru saja diubah orang lain; statusnya sekarang \"{0}\". Periksa halaman ini lalu pilih lagi; tidak ada yang diubah.", text[RoundText.State(round.State)]]);
        }
        var from = round.State;
        var by = await StaffName.OfAsync(db, user, cancellationToken);
        if (!round.MoveTo(to, clock.GetUtcNow(), by, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()))
        {
            return CommandResult.Invalid("", text["Putaran dengan status \"{0}\" tidak dapat dipindah ke \"{1}\".", text[RoundText.State(from)], text[RoundText.State(to)]]);
        }
        audit.Record(CurrentUser.IdOf(user), "round-moved", nameof(InfluencerRound), roundId.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object?> { ["from"] = from.ToString(), ["to"] = to.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Melokal round {RoundId} moved from {From} to {To}", roundId, from, to);
        return CommandResult.Saved(text["Status putaran sekarang \"{0}\".", text[RoundText.State(to)]], roundId);
    }
}
