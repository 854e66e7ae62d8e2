using System.Security.Claims;
using System.Security.Cryptography;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// An owner uploads a CSV of sales. It is read and checked at once (files are small): a file that
/// cannot be read imports nothing and says why; a file with bad rows waits for the owner's choice;
/// a file without bad rows is imported straight away. The file is kept for the decision.
public sealed class StartSalesImportCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<StartSalesImportCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, IFormFile? file, CancellationToken cancellationToken)
    {
        var ikm = await SalesOwner.IkmAsync(db, authorization, user, cancellationToken);
        if (ikm is null)
        {
            return CurrentUser.IdOf(user) is null
                ? CommandResult.NotFound
                : CommandResult.Invalid("", text["Daftarkan usaha Anda dulu; laporan penjualan selalu milik sebuah IKM."]);
        }
        if (file is null || file.Length == 0)
        {
            return CommandResult.Invalid("Berkas", text["Pilih berkas CSV yang akan diimpor."]);
        }
        if (file.Length > SalesImport.MaxBytes)
        {
            return CommandResult.Invalid("Berkas", text["Berkas lebih besar dari 5 MB. Bagi menjadi beberapa berkas, misalnya satu per tahun."]);
        }
        byte[] content;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        var now = clock.GetUtcNow();
        var name = Path.GetFileName(file.FileName ?? "");
        var import = new SalesImport
        {
            IkmId = ikm.Id,
            FileName = name.Length == 0 ? "penjualan.csv" : name.Length > SalesImport.FileNameMaxLength ? name[..SalesImport.FileNameMaxLength] : name,
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            CreatedBy = CurrentUser.IdOf(user),
            CreatedAt = now,
        };
        var csv = SalesCsvReader.Read(content);
        import.DetectedEncoding = csv.Encoding;
        import.DetectedSeparator = csv.Separator;
        import.DetectedNumberFormat = csv.NumberFormat;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.SalesImports.Add(import);
        if (csv.Problem is { } problem)
        {
            import.State = SalesImportState.Failed;
            import.FileProblem = problem;
            import.Problems = [new SalesImportProblem { Line = 1, Message = problem, Value = csv.ProblemValue }];
            import.FinishedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Sales import {ImportId} of IKM {IkmId} unreadable: {Problem}", import.Id, ikm.Id, problem);
            return CommandResult.Saved(id: import.Id);
        }
        var plan = await SalesImportPlanner.PlanAsync(db, ikm.Id, csv, Wib.Today(clock), cancellationToken);
        import.TotalRows = plan.TotalRows;
        import.GoodRows = plan.Rows.Count;
        import.BadRows = plan.BadRows;
        import.Problems = [.. plan.Problems];
        await db.SaveChangesAsync(cancellationToken);
        if (plan.BadRows == 0)
        {
            await SalesImportWriter.WriteAsync(db, import, plan, now, CurrentUser.IdOf(user), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return CommandResult.Invalid("", text["Sebagian laporan ini baru saja disimpan dari tab lain. Tidak ada yang diimpor; unggah berkasnya lagi."]);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Sales import {ImportId} of IKM {IkmId}: {Rows} rows, {Bad} bad, state {State}", import.Id, ikm.Id, plan.TotalRows, plan.BadRows, import.State);
        return CommandResult.Saved(id: import.Id);
    }
}
