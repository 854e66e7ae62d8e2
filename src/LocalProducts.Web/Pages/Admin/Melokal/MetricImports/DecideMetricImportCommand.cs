using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// Staff decide on a file with bad rows: import the good rows (the worker continues) or cancel.
public sealed class DecideMetricImportCommand(
    AppDbContext db, MetricImportSignal signal, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<DecideMetricImportCommand> logger)
{
    public Task<CommandResult> ImportGoodRowsAsync(ClaimsPrincipal user, int importId, uint version, CancellationToken cancellationToken) =>
        DecideAsync(user, importId, version, import =>
        {
            import.ImportGoodRows = true;
            import.State = ImportState.Importing;
            import.HeartbeatAt = null;
        }, text["Baris yang baik sedang diimpor."], cancellationToken);

    public Task<CommandResult> CancelAsync(ClaimsPrincipal user, int importId, uint version, CancellationToken cancellationToken) =>
        DecideAsync(user, importId, version, import =>
        {
            import.State = ImportState.Cancelled;
            import.FinishedAt = clock.GetUtcNow();
        }, text["Impor dibatalkan: tidak ada yang disimpan."], cancellationToken);

    private async Task<CommandResult> DecideAsync(
        ClaimsPrincipal user, int importId, uint version, Action<MetricImport> decide, string notice, CancellationToken cancellationToken)
    {
        var import = await db.MetricImports.FirstOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return CommandResult.NotFound;
        }
        if (import.State != ImportState.NeedsDecision || import.Version != version)
        {
            return CommandResult.Invalid("", text["Impor ini sudah diputuskan atau berubah sejak halaman ini dibuka. Lihat keadaannya sekarang di bawah."]);
        }
        db.Entry(import).Property(i => i.Version).OriginalValue = version;
        decide(import);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Invalid("", text["Impor ini sudah diputuskan atau berubah sejak halaman ini dibuka. Lihat keadaannya sekarang di bawah."]);
        }
        signal.Wake();
        logger.LogInformation("Metric import {ImportId} decided: {State} by staff {StaffId}", importId, import.State, CurrentUser.IdOf(user));
        return CommandResult.Saved(notice, importId);
    }
}
