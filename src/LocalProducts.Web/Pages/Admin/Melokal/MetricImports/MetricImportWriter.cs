using LocalProducts.Web.Domain.Melokal;
using Npgsql;
using NpgsqlTypes;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// What writing an import added.
public sealed record ImportWritten(int NewPosts, int NewSnapshots, int AlreadyStored);

/// Writes checked rows fast: binary COPY into a temporary table, then one set-based insert for the
/// posts and one for the snapshots, each skipping what is already stored (a post is its entry,
/// platform and address; a snapshot its post and time), so the same file twice adds nothing twice.
/// Runs in the caller's transaction: a crash adds nothing half-way.
public static class MetricImportWriter
{
    /// Progress is reported after every this many rows copied.
    public const int ProgressEvery = 5_000;

    public static async Task<ImportWritten> WriteAsync(
        NpgsqlConnection connection, int roundId, int importId, IReadOnlyList<ImportRow> rows, DateTimeOffset now,
        Func<int, Task> progress, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE import_rows (
                line integer NOT NULL, entry_id integer NOT NULL, platform integer NOT NULL, url text NOT NULL, url_key text NOT NULL,
                posted_at timestamptz NOT NULL, taken_at timestamptz NOT NULL, product_id integer,
                followers integer, likes integer, comments integer, shares integer, saves integer, views integer
            ) ON COMMIT DROP
            """, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY import_rows (line, entry_id, platform, url, url_key, posted_at, taken_at, product_id, followers, likes, comments, shares, saves, views) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            var written = 0;
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(row.Line, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(row.EntryId, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync((int)row.Platform, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(row.Url, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.UrlKey, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.PostedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(row.TakenAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await WriteNullableAsync(importer, row.ProductId, cancellationToken);
                await WriteNullableAsync(importer, row.Followers, cancellationToken);
                await WriteNullableAsync(importer, row.Likes, cancellationToken);
                await WriteNullableAsync(importer, row.Comments, cancellationToken);
                await WriteNullableAsync(importer, row.Shares, cancellationToken);
                await WriteNullableAsync(importer, row.Saves, cancellationToken);
                await WriteNullableAsync(importer, row.Views, cancellationToken);
                if (++written % ProgressEvery == 0)
                {
                    await progress(written);
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }

        // The first row of a post in the file gives its address, time and product; a post already
        // stored keeps what it has.
        var newPosts = await CountAsync(connection, $"""
            WITH added AS (
                INSERT INTO round_posts (round_id, entry_id, platform, url, url_key, posted_at, product_id, source, created_at)
                SELECT DISTINCT ON (entry_id, platform, url_key) @round, entry_id, platform, url, url_key, posted_at, product_id, {(int)MetricsSource.Import}, @now
                FROM import_rows
                ORDER BY entry_id, platform, url_key, line
                ON CONFLICT (entry_id, platform, url_key) DO NOTHING
                RETURNING 1)
            SELECT count(*) FROM added
            """, roundId, importId, now, cancellationToken);
        var newSnapshots = await CountAsync(connection, $"""
            WITH added AS (
                INSERT INTO metric_snapshots (post_id, taken_at, followers, likes, comments, shares, saves, views, source, import_id, recorded_at)
                SELECT DISTINCT ON (p.id, r.taken_at) p.id, r.taken_at, r.followers, r.likes, r.comments, r.shares, r.saves, r.views,
                       {(int)MetricsSource.Import}, @import, @now
                FROM import_rows r
                JOIN round_posts p ON p.entry_id = r.entry_id AND p.platform = r.platform AND p.url_key = r.url_key
                ORDER BY p.id, r.taken_at, r.line
                ON CONFLICT (post_id, taken_at) DO NOTHING
                RETURNING 1)
            SELECT count(*) FROM added
            """, roundId, importId, now, cancellationToken);
        return new ImportWritten(newPosts, newSnapshots, rows.Count - newSnapshots);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, int? value, CancellationToken cancellationToken)
    {
        if (value is { } number)
        {
            await importer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken);
        }
    }

    private static async Task<int> CountAsync(NpgsqlConnection connection, string sql, int roundId, int importId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("@round", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("round", roundId);
        }
        if (sql.Contains("@import", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("import", importId);
        }
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
