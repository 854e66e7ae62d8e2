using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Alternatives;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Alternatives;

/// Deletes a local alternative, as it was when the confirmation page was opened: if someone
/// changed it since, nothing is deleted and staff confirm again. A deleted mapping does not come
/// back from the seed file (Data/Seeding/ReferenceDataSeeder loads it only into an empty table).
public sealed class DeleteAlternativeCommand(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> text, ILogger<DeleteAlternativeCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int id, uint version, CancellationToken cancellationToken)
    {
        var alternative = await db.LocalAlternatives.Include(a => a.Categories).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alternative is null)
        {
            return CommandResult.NotFound;
        }
        if (alternative.Version != version)
        {
            return Changed;
        }
        db.LocalAlternatives.Remove(alternative);
        audit.Record(CurrentUser.IdOf(user), AuditActions.Deleted, nameof(LocalAlternative), id.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object?> { ["mapping"] = SaveAlternativeCommand.Describe(alternative) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await db.LocalAlternatives.AnyAsync(a => a.Id == id, cancellationToken) ? Changed : CommandResult.NotFound;
        }
        logger.LogInformation("Local alternative {AlternativeId} deleted", id);
        return CommandResult.Saved(text["Alternatif lokal untuk \"{0}\" dihapus.", alternative.Term]);
    }

    private CommandResult Changed => CommandResult.Conflicted(null,
        text["Alternatif ini diubah orang lain sejak Anda membuka halaman ini, dan belum dihapus. Periksa versi tersimpan di bawah, lalu hapus lagi bila masih perlu."]);
}
