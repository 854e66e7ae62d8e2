using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// The owner's choice for a file with bad rows: import the good rows only (checked again now, so
/// a report saved meanwhile is seen), or cancel. Decided once: a second tab gets a conflict.
public sealed class DecideSalesImportCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<DecideSalesImportCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int importId, bool importGoodRows, uint version, CancellationToken cancellationToken)
    {
        var ikm = await SalesOwner.IkmAsync(db, authorization, user, cancellationToken);
        var import = ikm is null ? null : await db.SalesImports.FirstOrDefaultAsync(i => i.Id == importId && i.IkmId == ikm.Id, cancellationToken);
        if (ikm is null || import is null)
        {
            return CommandResult.NotFound;
        }
        if (import.State != SalesImportState.NeedsDecision || import.Version != version)
        {
            return Decided();
        }
        db.Entry(import).Property(i => i.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        if (importGoodRows)
        {
            var plan = await SalesImportPlanner.PlanAsync(db, ikm.Id, SalesCsvReader.Read(import.Content), Wib.Today(clock), cancellationToken);
            import.BadRows = plan.BadRows;
            import.Problems = [.. plan.Problems];
            await SalesImportWriter.WriteAsync(db, import, plan, now, CurrentUser.IdOf(user), cancellationToken);
        }
        else
        {
            import.State = SalesImportState.Cancelled;
            import.FinishedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Decided();
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return CommandResult.Invalid("", text["Sebagian laporan ini baru saja disimpan dari tab lain. Tidak ada yang diimpor; coba lagi."]);
        }
        logger.LogInformation("Sales import {ImportId} of IKM {IkmId} decided: {State}", import.Id, ikm.Id, import.State);
        return CommandResult.Saved(importGoodRows
            ? text["Baris yang benar sudah diimpor."]
            : text["Impor dibatalkan; tidak ada yang disimpan."]);
    }

    private CommandResult Decided() =>
        CommandResult.Conflicted(null, text["Impor ini sudah diputuskan, mungkin dari tab lain. Tidak ada yang diubah; lihat hasilnya di bawah."]);
}
