using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Melokal.SignUp;

/// The influencer followed the mailed link: the address is theirs and the entry goes to staff.
public sealed class ConfirmEntryCommand(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<ConfirmEntryCommand> logger)
{
    public async Task<CommandResult> RunAsync(string campaignSlug, string roundSlug, int entryId, string? code, CancellationToken cancellationToken)
    {
        var entry = await db.RoundEntries.Include(e => e.Round)
            .SingleOrDefaultAsync(e => e.Id == entryId && e.Round!.Slug == roundSlug && e.Round.Campaign!.Slug == campaignSlug && e.Round.State != RoundState.Draft, cancellationToken);
        // The code is compared in constant time; a wrong one tells nothing about the entry.
        if (entry is null || !entry.IsConfirmationCode(code))
        {
            return CommandResult.Invalid("", text["Tautan konfirmasi ini tidak berlaku. Mungkin tautannya terpotong, atau sudah ada tautan yang lebih baru; daftar lagi dari halaman pendaftaran."]);
        }
        if (entry.Status != EntryStatus.Unconfirmed)
        {
            return CommandResult.Saved(text["Pendaftaran Anda sudah dikonfirmasi sebelumnya."], entry.Id);
        }
        // A sign-up made just before the round closed can still be confirmed while it is watched.
        if (entry.Round!.State is not (RoundState.OpenForSignUp or RoundState.Monitoring))
        {
            return CommandResult.Invalid("", text["Pendaftaran putaran ini sudah ditutup."]);
        }
        entry.ConfirmEmail(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Melokal entry {EntryId} of round {RoundId} confirmed by e-mail", entry.Id, entry.RoundId);
        return CommandResult.Saved(text["Terima kasih, e-mail Anda sudah dikonfirmasi. Staf akan memeriksa pendaftaran Anda dan mengabari lewat e-mail."], entry.Id);
    }
}
