using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Search;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Admin.Synonyms;

/// Adds a synonym pair (no id) or changes one. Both words are normalized; a pair that says again
/// what another says (<see cref="SearchSynonym.Repeats"/>) is refused, also when two staff add it
/// at once (the unique index). The next search uses the change: the save clears the catalogue
/// caches (Infrastructure/CacheEvictionInterceptor).
public sealed class SaveSynonymCommand(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<SaveSynonymCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int? id, SynonymForm form, CancellationToken cancellationToken)
    {
        var word = SearchSynonym.Normalize(form.Word);
        var sameAs = SearchSynonym.Normalize(form.SameAs);
        if (SearchSynonym.Problem(word, sameAs) is { } problem)
        {
            return CommandResult.Invalid(word.Length == 0 ? "Input.Word" : "Input.SameAs", text[problem]);
        }
        if (!Enum.IsDefined(form.Kind))
        {
            return CommandResult.Invalid("Input.Kind", text["Pilih jenis pasangan."]);
        }

        SearchSynonym? synonym = null;
        string? before = null;
        if (id is { } synonymId)
        {
            synonym = await db.SearchSynonyms.FirstOrDefaultAsync(s => s.Id == synonymId, cancellationToken);
            if (synonym is null)
            {
                return CommandResult.NotFound;
            }
            if (synonym.Version != form.Version)
            {
                return Conflict(synonym, word, sameAs, form);
            }
            before = Describe(synonym.Word, synonym.SameAs, synonym.BothWays);
        }
        var ownId = synonym?.Id ?? 0;
        var others = await db.SearchSynonyms.AsNoTracking()
            .Where(s => s.Id != ownId && ((s.Word == word && s.SameAs == sameAs) || (s.Word == sameAs && s.SameAs == word)))
            .ToListAsync(cancellationToken);
        if (others.FirstOrDefault(o => SearchSynonym.Repeats(word, sameAs, form.BothWays, o.Word, o.SameAs, o.BothWays)) is { } existing)
        {
            return Duplicate(existing.Word, existing.SameAs);
        }

        var now = clock.GetUtcNow();
        if (synonym is null)
        {
            synonym = new SearchSynonym { Word = word, SameAs = sameAs, CreatedAt = now };
            db.SearchSynonyms.Add(synonym);
        }
        synonym.Word = word;
        synonym.SameAs = sameAs;
        synonym.Kind = form.Kind;
        synonym.BothWays = form.BothWays;
        synonym.UpdatedAt = now;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(CurrentUser.IdOf(user), id is null ? AuditActions.Created : AuditActions.Updated, nameof(SearchSynonym),
                synonym.Id.ToString(CultureInfo.InvariantCulture), new Dictionary<string, object?>
                {
                    ["pair"] = Describe(word, sameAs, form.BothWays),
                    ["kind"] = form.Kind.ToString(),
                    ["before"] = before,
                });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await db.SearchSynonyms.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ownId, cancellationToken);
            return saved is null
                ? CommandResult.Conflicted(null, text["Pasangan ini sudah dihapus orang lain. Isian Anda belum disimpan; tambahkan sebagai pasangan baru bila masih perlu."])
                : Conflict(saved, word, sameAs, form);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return Duplicate(word, sameAs);
        }
        logger.LogInformation("Search synonym {SynonymId} saved", synonym.Id);
        return CommandResult.Saved(text["Pasangan disimpan: \"{0}\" dan \"{1}\". Berlaku untuk pencarian berikutnya.", word, sameAs], synonym.Id);
    }

    /// For the audit log: the pair as the seed file writes it (word, direction, same_as).
    internal static string Describe(string word, string sameAs, bool bothWays) =>
        $"{word} {(bothWays ? Data.Seeding.SynonymSeedFile.BothWays : Data.Seeding.SynonymSeedFile.OneWay)} {sameAs}";

    private CommandResult Duplicate(string word, string sameAs) =>
        CommandResult.Invalid("Input.Word", text["Pasangan \"{0}\" dan \"{1}\" sudah ada di daftar. Ubah pasangan itu bila perlu; isian Anda belum disimpan.", word, sameAs]);

    private CommandResult Conflict(SearchSynonym saved, string word, string sameAs, SynonymForm typed) =>
        CommandResult.Conflicted(
            new FieldConflict(
            [
                new ConflictRow("Kata pertama (yang dicari)", saved.Word, word),
                new ConflictRow("Kata kedua (juga ditemukan)", saved.SameAs, sameAs),
                new ConflictRow("Jenis", text[SynonymText.Kind(saved.Kind)], text[SynonymText.Kind(typed.Kind)]),
                new ConflictRow("Arah", text[SynonymText.Direction(saved.BothWays)], text[SynonymText.Direction(typed.BothWays)]),
            ], saved.Version),
            text["Pasangan ini baru saja diubah orang lain. Bandingkan versi tersimpan dengan isian Anda; isian Anda belum disimpan. Simpan lagi untuk menimpa versi tersimpan."]);
}
