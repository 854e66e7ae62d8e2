using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Infrastructure.Email;
using LocalProducts.Web.Pages.Admin.Melokal.Rounds;
using LocalProducts.Web.Pages.Melokal.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Melokal.Entries;

/// Staff approve or decline a sign-up, under the entry's row lock. The form carries the status the
/// page showed: when someone decided meanwhile the second decision changes nothing and sends no
/// mail. Approval mails the influencer their own link for posts and figures (on the configured
/// public address) and issues their short links; declining mails the reason.
public sealed class DecideEntryCommand(
    AppDbContext db, AuditLog audit, PublicAddress site, TimeProvider clock, IEmailSender email, IssueInfluencerLinksCommand links,
    IStringLocalizer<SharedResource> text, ILogger<DecideEntryCommand> logger)
{
    public async Task<CommandResult> RunAsync(
        ClaimsPrincipal user, int roundId, int entryId, EntryDecision decision, EntryStatus seen, string? reason, CancellationToken cancellationToken)
    {
        var trimmed = reason?.Trim();
        if (decision == EntryDecision.Decline)
        {
            if (string.IsNullOrEmpty(trimmed))
            {
                return CommandResult.Invalid("Reason", text["Tulis alasan penolakan: alasan ini dikirim kepada pendaftar."]);
            }
            if (trimmed.Length > RoundEntry.ReasonMaxLength)
            {
                return CommandResult.Invalid("Reason", text["Alasan paling banyak {0} karakter.", RoundEntry.ReasonMaxLength]);
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entry = await db.RoundEntries.FromSql($"SELECT * FROM round_entries WHERE id = {entryId} AND round_id = {roundId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return CommandResult.NotFound;
        }
        var round = await db.InfluencerRounds.Include(r => r.Campaign).SingleAsync(r => r.Id == roundId, cancellationToken);
        var influencer = await db.Influencers.SingleAsync(i => i.Id == entry.InfluencerId, cancellationToken);
        if (entry.Status != seen)
        {
            return CommandResult.Conflicted(null, text["{0} sudah diputuskan oleh {1}: {2}. Tidak ada yang diubah dan tidak ada e-mail yang dikirim.",
                influencer.Name, entry.DecidedBy ?? "–", text[RoundText.EntryStatus(entry.Status)]]);
        }
        if (round.State is RoundState.Scoring or RoundState.Final)
        {
            return CommandResult.Invalid("", text["Putaran ini sudah dinilai: keputusan peserta tidak dapat diubah lagi."]);
        }
        var now = clock.GetUtcNow();
        var by = await StaffName.OfAsync(db, user, cancellationToken);
        string? code = null;
        if (decision == EntryDecision.Approve)
        {
            code = entry.Approve(now, by);
            if (code is null)
            {
                return CommandResult.Invalid("", text["Pendaftaran ini belum dapat diputuskan: e-mailnya belum dikonfirmasi."]);
            }
        }
        else if (!entry.Decline(now, by, trimmed!))
        {
            return CommandResult.Invalid("", text["Pendaftaran ini belum dapat diputuskan: e-mailnya belum dikonfirmasi."]);
        }
        audit.Record(CurrentUser.IdOf(user), decision == EntryDecision.Decline ? "entry-declined" : "entry-approved", nameof(RoundEntry),
            entryId.ToString(CultureInfo.InvariantCulture), new Dictionary<string, object?> { ["round"] = roundId });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Melokal entry {EntryId} of round {RoundId}: {Decision}", entryId, roundId, decision);

        var leaderboard = site.Absolute($"/kampanye/{round.Campaign!.Slug}/peringkat/{round.Slug}");
        if (code is not null)
        {
            var submission = site.Absolute($"/melokal/kiriman/{entry.Id}?kode={Uri.EscapeDataString(code)}");
            await email.SendAsync(new EmailMessage(influencer.Email, text["Pendaftaran Melokal diterima: {0}", round.Title],
                EntryDecisionMail.ApprovalBody(text, round, influencer.Name, submission, leaderboard)), cancellationToken);
            var issued = await links.RunAsync(entry.Id, cancellationToken);
            logger.LogInformation("Melokal entry {EntryId}: {Links} short links issued", entryId, issued);
            return CommandResult.Saved(text["{0} diterima; e-mail berisi tautan pribadinya sudah dikirim.", influencer.Name], entry.Id);
        }
        await email.SendAsync(new EmailMessage(influencer.Email, text["Pendaftaran Melokal: {0}", round.Title],
            EntryDecisionMail.DeclineBody(text, round, influencer.Name, entry.DeclineReason!)), cancellationToken);
        return CommandResult.Saved(text["{0} ditolak; alasannya sudah dikirim lewat e-mail.", influencer.Name], entry.Id);
    }
}
