using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Search;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Synonyms;

/// Deletes a synonym pair, as it was when the confirmation page was opened: if someone changed it
/// since, nothing is deleted and staff confirm again. A deleted pair does not come back from the
/// seed file (Data/Seeding/ReferenceDataSeeder loads it only into an empty table).
public sealed class DeleteSynonymCommand(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> text, ILogger<DeleteSynonymCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int id, uint version, CancellationToken cancellationToken)
    {
        var synonym = await db.SearchSynonyms.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (synonym is null)
        {
            return CommandResult.NotFound;
        }
        if (synonym.Version != version)
        {
            return Changed;
        }
        db.SearchSynonyms.Remove(synonym);
        audit.Record(CurrentUser.IdOf(user), AuditActions.Deleted, nameof(SearchSynonym), id.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object?>
            {
                ["pair"] = SaveSynonymCommand.Describe(synonym.Word, synonym.SameAs, synonym.BothWays),
                ["kind"] = synonym.Kind.ToString(),
            });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await db.SearchSynonyms.AnyAsync(s => s.Id == id, cancellationToken) ? Changed : CommandResult.NotFound;
        }
        logger.LogInformation("Search synonym {SynonymId} deleted", id);
        return CommandResult.Saved(text["Pasangan dihapus: \"{0}\" dan \"{1}\".", synonym.Word, synonym.SameAs]);
    }

    private CommandResult Changed => CommandResult.Conflicted(null,
        text["Pasangan ini diubah orang lain sejak Anda membuka halaman ini, dan belum dihapus. Periksa versi tersimpan di bawah, lalu hapus lagi bila masih perlu."]);
}
