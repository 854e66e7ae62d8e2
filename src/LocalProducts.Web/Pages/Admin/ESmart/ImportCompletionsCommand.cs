using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.ESmart;
using LocalProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.ESmart;

/// What an upload of completions did: saved, or refused with the file's problems (nothing saved).
public sealed record CompletionImportOutcome(CommandResult Result, IReadOnlyList<CompletionCsvProblem> Problems);

/// Marks the modules listed in a CSV file as completed. A file with any problem saves nothing.
public sealed class ImportCompletionsCommand(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const int MaxFileBytes = 2 * 1024 * 1024;

    public async Task<CompletionImportOutcome> RunAsync(int cohortId, byte[] content, Guid staffId, CancellationToken cancellationToken)
    {
        if (!await db.ESmartCohorts.AnyAsync(c => c.Id == cohortId, cancellationToken))
        {
            return new(CommandResult.NotFound, []);
        }
        var applications = await db.CohortApplications.AsNoTracking()
            .Where(a => a.CohortId == cohortId)
            .Select(a => new { a.Id, a.State, a.Ikm!.Nib, a.Ikm.Slug })
            .ToListAsync(cancellationToken);
        var participants = new Dictionary<string, CsvParticipant>(StringComparer.Ordinal);
        foreach (var a in applications)
        {
            var participant = new CsvParticipant(a.Id, a.State == CohortApplicationState.Accepted);
            participants[a.Nib.ToLowerInvariant()] = participant;
            participants[a.Slug.ToLowerInvariant()] = participant;
        }
        var modules = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in await db.CohortModules.AsNoTracking().Where(m => m.CohortId == cohortId).ToListAsync(cancellationToken))
        {
            modules[m.Name.ToLowerInvariant()] = m.Id;
            modules.TryAdd(m.NameEn.ToLowerInvariant(), m.Id);
        }
        var read = CompletionCsvReader.Read(content, participants, modules);
        if (read.Problems.Count > 0)
        {
            return new(CommandResult.Invalid("", text["Berkas punya {0} masalah; tidak ada yang disimpan. Perbaiki baris di bawah lalu unggah lagi.", read.Problems.Count]),
                read.Problems);
        }
        var (marked, graduated) = await CohortCompletions.MarkAsync(db, audit, clock, cohortId, read.Done.ToHashSet(), staffId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new(CommandResult.Saved(text["{0} modul ditandai selesai; {1} IKM lulus.", marked, graduated]), []);
    }
}
