using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// Checks and writes the uploaded imports, on whichever instance claims them first. A claim is
/// the heartbeat time this instance wrote: every later write to the import requires it to be
/// unchanged, so an instance that was taken over (heartbeat older than <see cref="StaleAfter"/>)
/// stops instead of writing twice.
public sealed class MetricImportRunner(IServiceScopeFactory scopes, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<MetricImportRunner> logger)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private sealed record Claim(int Id, DateTimeOffset Token);

    private sealed class ClaimLostException : Exception;

    /// Works through every import waiting (or abandoned); returns how many it handled.
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (await ClaimAsync(cancellationToken) is { } claim)
        {
            await ProcessAsync(claim, cancellationToken);
            handled++;
        }
        return handled;
    }

    private DateTimeOffset Now()
    {
        // PostgreSQL keeps microseconds: the token must compare equal after a round trip.
        var now = clock.GetUtcNow().ToUniversalTime();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }

    private async Task<Claim?> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        await using var command = dataSource.CreateCommand($"""
            UPDATE metric_imports
            SET state = CASE WHEN state = {(int)ImportState.Queued} THEN {(int)ImportState.Checking} ELSE state END,
                heartbeat_at = @now, started_at = coalesce(started_at, @now)
            WHERE id = (
                SELECT id FROM metric_imports
                WHERE state = {(int)ImportState.Queued}
                   OR (state IN ({(int)ImportState.Checking}, {(int)ImportState.Importing}) AND (heartbeat_at IS NULL OR heartbeat_at < @stale))
                ORDER BY id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("stale", now - StaleAfter);
        return await command.ExecuteScalarAsync(cancellationToken) is int id ? new Claim(id, now) : null;
    }

    private async Task ProcessAsync(Claim claim, CancellationToken cancellationToken)
    {
        try
        {
            await CheckAndWriteAsync(claim, cancellationToken);
        }
        catch (ClaimLostException)
        {
            logger.LogWarning("Metric import {ImportId} was taken over by another instance", claim.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Metric import {ImportId} failed", claim.Id);
            try
            {
                await FinishAsync(claim, import =>
                {
                    import.State = ImportState.Failed;
                    import.FileProblem = new ImportProblem { Line = 0, Kind = ImportProblemKind.ImportFailed, Severity = ProblemSeverity.Error };
                }, CancellationToken.None);
            }
            catch (ClaimLostException)
            {
                // Written progress moved the heartbeat on: the import goes stale and is tried again.
            }
        }
    }

    private async Task CheckAndWriteAsync(Claim claim, CancellationToken cancellationToken)
    {
        MetricImport import;
        InfluencerRound round;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            import = await db.MetricImports.AsNoTracking().SingleAsync(i => i.Id == claim.Id, cancellationToken);
            round = await db.InfluencerRounds.AsNoTracking().SingleAsync(r => r.Id == import.RoundId, cancellationToken);
        }
        var file = MetricCsvReader.Read(import.Content);
        if (file.Problem is not null || !round.TakesPosts)
        {
            await FinishAsync(claim, i =>
            {
                Detected(i, file);
                i.State = ImportState.Failed;
                i.FileProblem = file.Problem ?? new ImportProblem { Line = 0, Kind = ImportProblemKind.RoundClosed, Severity = ProblemSeverity.Error };
            }, cancellationToken);
            return;
        }
        var context = await LoadContextAsync(round, file, cancellationToken);
        var check = MetricCsvReader.Check(file, context);
        logger.LogInformation("Metric import {ImportId} read and checked: {Rows} rows, {BadRows} with errors, in {Elapsed:0} ms",
            claim.Id, check.TotalRows, check.BadRows, (clock.GetUtcNow() - claim.Token).TotalMilliseconds);
        void Checked(MetricImport i)
        {
            Detected(i, file);
            i.TotalRows = check.TotalRows;
            i.GoodRows = check.Rows.Count;
            i.BadRows = check.BadRows;
            i.WarningRows = check.WarningRows;
            i.Problems = [.. check.Problems];
        }
        if (import.State == ImportState.Checking && check.BadRows > 0 && !import.ImportGoodRows)
        {
            await FinishAsync(claim, i =>
            {
                Checked(i);
                i.State = ImportState.NeedsDecision;
                i.ProcessedRows = 0;
                i.HeartbeatAt = null;
            }, cancellationToken, finished: false);
            return;
        }
        await UpdateAsync(claim, i =>
        {
            Checked(i);
            i.State = ImportState.Importing;
            i.ProcessedRows = 0;
        }, cancellationToken);
        await WriteAsync(claim, import.RoundId, check, cancellationToken);
    }

    private static void Detected(MetricImport import, CsvFile file)
    {
        import.DetectedEncoding = file.Encoding;
        import.DetectedSeparator = file.Separator;
        import.DetectedNumberFormat = file.NumberFormat;
    }

    private async Task<ImportContext> LoadContextAsync(InfluencerRound round, CsvFile file, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var handles = await db.EntryHandles.AsNoTracking()
            .Where(h => h.RoundId == round.Id)
            .Join(db.RoundEntries, h => h.EntryId, e => e.Id, (h, e) => new { h.Platform, h.HandleKey, h.EntryId, e.Status })
            .ToListAsync(cancellationToken);
        var slugs = file.Columns.TryGetValue(MetricColumn.Product, out var productColumn)
            ? file.Records.Where(r => r.Fields.Count > productColumn).Select(r => r.Fields[productColumn].Trim().ToLowerInvariant())
                .Where(s => s.Length > 0).Distinct().ToList()
            : [];
        var products = slugs.Count == 0
            ? []
            : await db.Products.AsNoTracking().Where(p => slugs.Contains(p.Slug)).Select(p => new { p.Slug, p.Id }).ToListAsync(cancellationToken);
        var stored = await db.RoundPosts.AsNoTracking().Where(p => p.RoundId == round.Id)
            .Select(p => new { p.UrlKey, p.EntryId }).Distinct().ToListAsync(cancellationToken);
        return new ImportContext(
            round.Platforms.ToHashSet(),
            round.WindowStart,
            round.WindowEnd,
            handles.ToDictionary(h => (h.Platform, h.HandleKey), h => new ImportHandle(h.EntryId, h.Status == EntryStatus.Approved)),
            products.ToDictionary(p => p.Slug, p => p.Id, StringComparer.Ordinal),
            stored.GroupBy(p => p.UrlKey, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(p => p.EntryId).ToHashSet(), StringComparer.Ordinal));
    }

    /// Everything in one transaction: the rows and the import's final counts.
    private async Task WriteAsync(Claim claim, int roundId, ImportCheck check, CancellationToken cancellationToken)
    {
        var token = claim.Token;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var written = await MetricImportWriter.WriteAsync(connection, roundId, claim.Id, check.Rows, clock.GetUtcNow(), async rows =>
        {
            token = await ProgressAsync(claim.Id, token, rows, cancellationToken);
        }, cancellationToken);
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM metric_imports WHERE id = @id FOR UPDATE", connection))
        {
            lockRow.Parameters.AddWithValue("id", claim.Id);
            await lockRow.ExecuteNonQueryAsync(cancellationToken);
        }
        var import = await db.MetricImports.SingleAsync(i => i.Id == claim.Id, cancellationToken);
        if (import.HeartbeatAt != token)
        {
            throw new ClaimLostException();
        }
        import.NewPosts = written.NewPosts;
        import.NewSnapshots = written.NewSnapshots;
        import.AlreadyStored = written.AlreadyStored;
        import.ProcessedRows = check.TotalRows;
        import.State = ImportState.Done;
        import.FinishedAt = clock.GetUtcNow();
        import.HeartbeatAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Metric import {ImportId} added {NewPosts} posts and {NewSnapshots} snapshots ({AlreadyStored} already stored), done {Elapsed:0} ms after its claim",
            claim.Id, written.NewPosts, written.NewSnapshots, written.AlreadyStored, (clock.GetUtcNow() - claim.Token).TotalMilliseconds);
    }

    /// Outside the writing transaction, so other instances and the status page see it.
    private async Task<DateTimeOffset> ProgressAsync(int id, DateTimeOffset token, int rows, CancellationToken cancellationToken)
    {
        var next = Now();
        await using var command = dataSource.CreateCommand(
            "UPDATE metric_imports SET processed_rows = @rows, heartbeat_at = @next WHERE id = @id AND heartbeat_at = @token");
        command.Parameters.AddWithValue("rows", rows);
        command.Parameters.AddWithValue("next", next);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("token", token);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new ClaimLostException();
        }
        return next;
    }

    private Task UpdateAsync(Claim claim, Action<MetricImport> change, CancellationToken cancellationToken) =>
        SaveIfClaimedAsync(claim, change, cancellationToken);

    private Task FinishAsync(Claim claim, Action<MetricImport> change, CancellationToken cancellationToken, bool finished = true) =>
        SaveIfClaimedAsync(claim, import =>
        {
            change(import);
            if (finished)
            {
                import.FinishedAt = clock.GetUtcNow();
                import.HeartbeatAt = null;
            }
        }, cancellationToken);

    private async Task SaveIfClaimedAsync(Claim claim, Action<MetricImport> change, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var import = await db.MetricImports.SingleAsync(i => i.Id == claim.Id, cancellationToken);
        if (import.HeartbeatAt != claim.Token)
        {
            throw new ClaimLostException();
        }
        change(import);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ClaimLostException();
        }
    }
}
