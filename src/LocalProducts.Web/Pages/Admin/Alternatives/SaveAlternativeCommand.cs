using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Alternatives;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Admin.Alternatives;

/// Adds a local alternative (no id) or changes one. The term is normalized; a term or spelling
/// another mapping already has is refused, also when two staff add it at once (the unique index
/// on the normalized term). The save clears the catalogue caches (Infrastructure/CacheEvictionInterceptor),
/// so /alternatif-lokal and the box on /produk use it at once.
public sealed class SaveAlternativeCommand(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<SaveAlternativeCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int? id, AlternativeForm form, CancellationToken cancellationToken)
    {
        if (LocalAlternative.Problem(form.Term, form.OtherSpellings, form.SearchWords, form.Reason) is { } problem)
        {
            return CommandResult.Invalid(FieldOf(problem), text[problem]);
        }
        if (!Enum.IsDefined(form.Kind))
        {
            return CommandResult.Invalid("Input.Kind", text["Pilih jenis."]);
        }
        var slugs = form.Categories.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        var categories = await db.Categories.Where(c => slugs.Contains(c.Slug)).ToListAsync(cancellationToken);
        if (slugs.Count == 0 || categories.Count != slugs.Count)
        {
            return CommandResult.Invalid("Input.Categories", text["Pilih satu kategori atau lebih dari daftar."]);
        }

        LocalAlternative? alternative = null;
        string? before = null;
        if (id is { } alternativeId)
        {
            alternative = await db.LocalAlternatives.Include(a => a.Categories).FirstOrDefaultAsync(a => a.Id == alternativeId, cancellationToken);
            if (alternative is null)
            {
                return CommandResult.NotFound;
            }
            if (alternative.Version != form.Version)
            {
                return Conflict(alternative, form);
            }
            before = Describe(alternative);
        }
        var ownId = alternative?.Id ?? 0;
        var spellings = new[] { LocalAlternative.Normalize(form.Term) }.Concat(LocalAlternative.List(form.OtherSpellings)).ToHashSet(StringComparer.Ordinal);
        var others = await db.LocalAlternatives.AsNoTracking().Where(a => a.Id != ownId)
            .Select(a => new { a.Term, a.NormalizedTerm, a.OtherSpellings }).ToListAsync(cancellationToken);
        if (others.FirstOrDefault(o => spellings.Contains(o.NormalizedTerm) || LocalAlternative.List(o.OtherSpellings).Any(spellings.Contains)) is { } taken)
        {
            return Duplicate(taken.Term);
        }

        var now = clock.GetUtcNow();
        if (alternative is null)
        {
            alternative = new LocalAlternative { Term = "", NormalizedTerm = "", SearchWords = "", Reason = "", CreatedAt = now };
            db.LocalAlternatives.Add(alternative);
        }
        alternative.Describe(form.Term!, form.Kind, form.OtherSpellings, form.SearchWords!, form.Reason!, now);
        alternative.PointTo(categories);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(CurrentUser.IdOf(user), id is null ? AuditActions.Created : AuditActions.Updated, nameof(LocalAlternative),
                alternative.Id.ToString(CultureInfo.InvariantCulture), new Dictionary<string, object?>
                {
                    ["mapping"] = Describe(alternative),
                    ["before"] = before,
                });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await db.LocalAlternatives.AsNoTracking().Include(a => a.Categories).FirstOrDefaultAsync(a => a.Id == ownId, cancellationToken);
            return saved is null
                ? CommandResult.Conflicted(null, text["Alternatif ini sudah dihapus orang lain. Isian Anda belum disimpan; tambahkan sebagai alternatif baru bila masih perlu."])
                : Conflict(saved, form);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return Duplicate(form.Term!.Trim());
        }
        logger.LogInformation("Local alternative {AlternativeId} saved", alternative.Id);
        return CommandResult.Saved(text["Alternatif lokal untuk \"{0}\" disimpan. Berlaku saat itu juga.", alternative.Term], alternative.Id);
    }

    /// For the audit log: the fields as the seed file writes them.
    internal static string Describe(LocalAlternative alternative) =>
        string.Join(" | ", alternative.Term, alternative.Kind, alternative.OtherSpellings ?? "",
            string.Join(",", alternative.Categories.Select(c => c.Slug)), alternative.SearchWords, alternative.Reason);

    private static string FieldOf(string problem) => problem switch
    {
        _ when problem.StartsWith("Ejaan", StringComparison.Ordinal) => "Input.OtherSpellings",
        _ when problem.Contains("kata pencarian", StringComparison.OrdinalIgnoreCase) => "Input.SearchWords",
        _ when problem.Contains("lasan", StringComparison.Ordinal) => "Input.Reason",
        _ => "Input.Term",
    };

    private CommandResult Duplicate(string term) =>
        CommandResult.Invalid("Input.Term", text["\"{0}\" sudah ada di daftar (sebagai merek atau ejaan lain). Ubah yang itu bila perlu; isian Anda belum disimpan.", term]);

    private CommandResult Conflict(LocalAlternative saved, AlternativeForm typed) =>
        CommandResult.Conflicted(
            new FieldConflict(
            [
                new ConflictRow("Merek atau kata produk", saved.Term, typed.Term),
                new ConflictRow("Jenis", text[AlternativeText.Kind(saved.Kind)], text[AlternativeText.Kind(typed.Kind)]),
                new ConflictRow("Ejaan lain", saved.OtherSpellings, typed.OtherSpellings),
                new ConflictRow("Kategori", string.Join(", ", saved.Categories.Select(c => c.Slug)), string.Join(", ", typed.Categories)),
                new ConflictRow("Kata pencarian", saved.SearchWords, typed.SearchWords),
                new ConflictRow("Alasan", saved.Reason, typed.Reason),
            ], saved.Version),
            text["Alternatif ini baru saja diubah orang lain. Bandingkan versi tersimpan dengan isian Anda; isian Anda belum disimpan. Simpan lagi untuk menimpa versi tersimpan."]);
}
