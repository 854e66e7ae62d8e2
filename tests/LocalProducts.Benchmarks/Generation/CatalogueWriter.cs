using System.Globalization;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace LocalProducts.Benchmarks.Generation;

/// Removes the rows of an earlier run and writes a generated catalogue with binary COPY. Only
/// the ordinary columns are named: identity columns, xmin and anything database triggers derive
/// are left to PostgreSQL.
internal static class CatalogueWriter
{
    /// Generated IKM carry both marks; demo and real IKM have neither the prefix nor NIBs from 8.
    public const string GeneratedIkmFilter = "slug LIKE 'gen-%' AND nib LIKE '8%'";

    private const int CommandTimeoutSeconds = 600;

    public static async Task<(int Ikms, int Products)> RemoveGeneratedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Certificates, links and images go with their products (ON DELETE CASCADE).
        var products = await ExecuteAsync(connection,
            $"DELETE FROM products WHERE ikm_id IN (SELECT id FROM ikms WHERE {GeneratedIkmFilter})", cancellationToken);
        var ikms = await ExecuteAsync(connection, $"DELETE FROM ikms WHERE {GeneratedIkmFilter}", cancellationToken);
        return (ikms, products);
    }

    public static async Task<List<string>> NibsInUseAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT nib FROM ikms", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var nibs = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            nibs.Add(reader.GetString(0));
        }
        return nibs;
    }

    /// Writes the IKM on the given connection, in its transaction, and returns their ids.
    public static async Task<Dictionary<string, int>> WriteIkmsAsync(NpgsqlConnection connection, IReadOnlyList<GeneratedIkm> ikms,
        CancellationToken cancellationToken)
    {
        await CopyIkmsAsync(connection, ikms, cancellationToken);
        return await IdsBySlugAsync(connection, $"SELECT id, slug FROM ikms WHERE {GeneratedIkmFilter}", null, cancellationToken);
    }

    /// Products per transaction: each chunk commits, so a long load keeps what it wrote, no
    /// statement runs for minutes and the server's memory and locks stay bounded.
    public const int ChunkSize = 20_000;

    /// The row triggers a bulk load replaces with set-wise statements (see WriteChunkAsync):
    /// per row, they cost far more than the COPY itself (each product's search vector in its own
    /// call, then a product_search upsert, then one products UPDATE per certificate, each firing
    /// the triggers again). The load is for an empty benchmark database, never a live one:
    /// the triggers are off for every writer while it runs.
    private static readonly string[] _bulkLoadTriggers =
    [
        "ALTER TABLE products {0} TRIGGER products_derive",
        "ALTER TABLE products {0} TRIGGER products_sync_search",
        "ALTER TABLE certifications {0} TRIGGER certifications_changed",
        // The facet counts are rebuilt once at the end.
        "ALTER TABLE product_search {0} TRIGGER USER",
    ];

    /// Writes the products with their certificates and links in chunks that each commit, on
    /// several connections at once (the search vectors are CPU-bound in the server). The columns
    /// the row triggers would derive are computed set-wise per chunk, as the triggers would.
    public static async Task WriteProductsAsync(string connectionString, IReadOnlyList<GeneratedProduct> products,
        Dictionary<string, int> ikmIds, int workers, CancellationToken cancellationToken)
    {
        var chunks = products.Chunk(ChunkSize).ToList();
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync(cancellationToken);
        foreach (var statement in _bulkLoadTriggers)
        {
            await ExecuteAsync(admin, string.Format(CultureInfo.InvariantCulture, statement, "DISABLE"), cancellationToken);
        }
        try
        {
            var next = -1;
            var written = 0;
            var reported = 0;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Math.Min(workers, chunks.Count)).Select(async _ =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await ExecuteAsync(connection, StagingTables, cancellationToken);
                int index;
                while ((index = Interlocked.Increment(ref next)) < chunks.Count)
                {
                    await WriteChunkAsync(connection, chunks[index], ikmIds, cancellationToken);
                    var total = Interlocked.Add(ref written, chunks[index].Length);
                    var step = total / 100_000;
                    if (step > Volatile.Read(ref reported) && Interlocked.Exchange(ref reported, step) < step)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  {total} of {products.Count} products committed ({watch.Elapsed.TotalSeconds:0} s)"));
                    }
                }
            }));
        }
        finally
        {
            foreach (var statement in _bulkLoadTriggers)
            {
                await ExecuteAsync(admin, string.Format(CultureInfo.InvariantCulture, statement, "ENABLE"), CancellationToken.None);
            }
        }
        var rebuilding = System.Diagnostics.Stopwatch.StartNew();
        await ExecuteAsync(admin, "SELECT product_facet_counts_rebuild((now() AT TIME ZONE 'Asia/Jakarta')::date)", cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rebuilt the kept counts (product_facet_counts_rebuild, writers wait meanwhile) in {rebuilding.Elapsed.TotalSeconds:0.0} s."));
    }

    /// Per connection: the chunk's rows as the generator made them, before ids exist.
    private const string StagingTables = """
        CREATE TEMP TABLE staged_products (
            ordinal integer, ikm_id integer, category_id integer, slug varchar, name varchar, description varchar,
            description_html text, description_text text, price_min bigint, price_max bigint, unit varchar,
            min_order integer, state integer, hidden_reason varchar, created_at timestamptz, updated_at timestamptz,
            published_at timestamptz) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE staged_certifications (
            slug varchar, kind integer, number varchar, issued_on date, expires_on date, tkdn_percent numeric,
            bmp_percent numeric) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE staged_links (slug varchar, platform integer, url varchar) ON COMMIT DELETE ROWS;
        """;

    /// What products_derive, products_refresh_certifications and products_sync_search do per row,
    /// for a whole chunk: the region from the IKM, the search vector, the latest expiry of each
    /// certificate kind (PDN: TKDN of at least 25 % reaching 40 % with BMP), then the search row
    /// of each published product.
    private static readonly string _insertChunk = $"""
        INSERT INTO products (ikm_id, category_id, slug, name, description, description_html, description_text, price_min,
            price_max, unit, min_order, state, hidden_reason, created_at, updated_at, published_at,
            province_code, regency_code, search_vector, tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until)
        SELECT s.ikm_id, s.category_id, s.slug, s.name, s.description, s.description_html, s.description_text, s.price_min,
            s.price_max, s.unit, s.min_order, s.state, s.hidden_reason, s.created_at, s.updated_at, s.published_at,
            i.province_code, i.regency_code, melokal_product_vector(s.name, s.description, s.category_id, s.ikm_id),
            c.tkdn, c.halal, c.sni, c.pdn
        FROM staged_products s
        JOIN ikms i ON i.id = s.ikm_id
        LEFT JOIN (SELECT slug,
                max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = {(int)CertificationKind.Tkdn}) AS tkdn,
                max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = {(int)CertificationKind.Halal}) AS halal,
                max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = {(int)CertificationKind.Sni}) AS sni,
                max(coalesce(expires_on, 'infinity')) FILTER (WHERE kind = {(int)CertificationKind.Tkdn} AND tkdn_percent >= 25
                    AND tkdn_percent + coalesce(bmp_percent, 0) >= 40) AS pdn
            FROM staged_certifications GROUP BY slug) c ON c.slug = s.slug
        ORDER BY s.ordinal;

        INSERT INTO product_search (id, category_id, published_at, price_min, price_order,
            tkdn_valid_until, halal_valid_until, sni_valid_until, pdn_valid_until,
            province_code, regency_code, search_vector)
        SELECT p.id, p.category_id, coalesce(p.published_at, p.created_at), p.price_min, coalesce(p.price_max, p.price_min),
            p.tkdn_valid_until, p.halal_valid_until, p.sni_valid_until, p.pdn_valid_until,
            coalesce(p.province_code, ''), p.regency_code, coalesce(p.search_vector, ''::tsvector)
        FROM staged_products s JOIN products p ON p.slug = s.slug
        WHERE p.state = {(int)ProductState.Published};

        INSERT INTO certifications (product_id, kind, number, issued_on, expires_on, tkdn_percent, bmp_percent)
        SELECT p.id, c.kind, c.number, c.issued_on, c.expires_on, c.tkdn_percent, c.bmp_percent
        FROM staged_certifications c JOIN products p ON p.slug = c.slug;

        INSERT INTO marketplace_links (product_id, platform, url)
        SELECT p.id, l.platform, l.url FROM staged_links l JOIN products p ON p.slug = l.slug;
        """;

    private static async Task WriteChunkAsync(NpgsqlConnection connection, GeneratedProduct[] products,
        Dictionary<string, int> ikmIds, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CopyProductsAsync(connection, products, ikmIds, cancellationToken);
        await CopyCertificationsAsync(connection, products, cancellationToken);
        await CopyLinksAsync(connection, products, cancellationToken);
        await ExecuteAsync(connection, _insertChunk, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CopyIkmsAsync(NpgsqlConnection connection, IReadOnlyList<GeneratedIkm> ikms, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY ikms (slug, name, nib, scale, kbli, province_code, regency_code, district_code, address, sentra, founded_year, story, "
            + "whats_app, email, website, verification, verified_at, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        writer.Timeout = TimeSpan.FromSeconds(CommandTimeoutSeconds);
        foreach (var ikm in ikms)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(ikm.Slug, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(ikm.Name, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(ikm.Nib, NpgsqlDbType.Char, cancellationToken);
            await writer.WriteAsync((int)ikm.Scale, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(ikm.Kbli, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(ikm.ProvinceCode, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(ikm.RegencyCode, NpgsqlDbType.Varchar, cancellationToken);
            await WriteOrNullAsync(writer, ikm.DistrictCode, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(ikm.Address, NpgsqlDbType.Varchar, cancellationToken);
            await WriteOrNullAsync(writer, ikm.Sentra, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(ikm.FoundedYear, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(ikm.Story, NpgsqlDbType.Varchar, cancellationToken);
            await WriteOrNullAsync(writer, ikm.WhatsApp, NpgsqlDbType.Varchar, cancellationToken);
            await WriteOrNullAsync(writer, ikm.Email, NpgsqlDbType.Varchar, cancellationToken);
            await WriteOrNullAsync(writer, ikm.Website, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync((int)ikm.Verification, NpgsqlDbType.Integer, cancellationToken);
            await WriteOrNullAsync(writer, ikm.VerifiedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(ikm.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(ikm.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyProductsAsync(NpgsqlConnection connection, GeneratedProduct[] products,
        Dictionary<string, int> ikmIds, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY staged_products (ordinal, ikm_id, category_id, slug, name, description, description_html, description_text, price_min, "
            + "price_max, unit, min_order, state, hidden_reason, created_at, updated_at, published_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        writer.Timeout = TimeSpan.FromSeconds(CommandTimeoutSeconds);
        // As the site does when a product is saved (AppDbContext renders the description).
        var markdown = new MarkdownRenderer();
        for (var ordinal = 0; ordinal < products.Length; ordinal++)
        {
            var product = products[ordinal];
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(ordinal, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(ikmIds[product.Ikm.Slug], NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(product.CategoryId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(product.Slug, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(product.Name, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(product.Description, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(markdown.ToSafeHtml(product.Description), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(markdown.ToPlainText(product.Description), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(product.PriceMin, NpgsqlDbType.Bigint, cancellationToken);
            await WriteOrNullAsync(writer, product.PriceMax, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(product.Unit, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(product.MinOrder, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync((int)product.State, NpgsqlDbType.Integer, cancellationToken);
            await WriteOrNullAsync(writer, product.HiddenReason, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(product.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(product.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteOrNullAsync(writer, product.PublishedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyCertificationsAsync(NpgsqlConnection connection, GeneratedProduct[] products,
        CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY staged_certifications (slug, kind, number, issued_on, expires_on, tkdn_percent, bmp_percent) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        writer.Timeout = TimeSpan.FromSeconds(CommandTimeoutSeconds);
        foreach (var product in products)
        {
            foreach (var certification in product.Certifications)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(product.Slug, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync((int)certification.Kind, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(certification.Number, NpgsqlDbType.Varchar, cancellationToken);
                await WriteOrNullAsync(writer, certification.IssuedOn, NpgsqlDbType.Date, cancellationToken);
                await WriteOrNullAsync(writer, certification.ExpiresOn, NpgsqlDbType.Date, cancellationToken);
                await WriteOrNullAsync(writer, certification.TkdnPercent, NpgsqlDbType.Numeric, cancellationToken);
                await WriteOrNullAsync(writer, certification.BmpPercent, NpgsqlDbType.Numeric, cancellationToken);
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyLinksAsync(NpgsqlConnection connection, GeneratedProduct[] products, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY staged_links (slug, platform, url) FROM STDIN (FORMAT BINARY)", cancellationToken);
        writer.Timeout = TimeSpan.FromSeconds(CommandTimeoutSeconds);
        foreach (var product in products)
        {
            foreach (var link in product.Links)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(product.Slug, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync((int)link.Platform, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(link.Url, NpgsqlDbType.Varchar, cancellationToken);
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);

    private static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? writer.WriteAsync(present, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    private static async Task<Dictionary<string, int>> IdsBySlugAsync(NpgsqlConnection connection, string sql, string[]? slugs,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = CommandTimeoutSeconds };
        if (slugs is not null)
        {
            command.Parameters.AddWithValue("slugs", slugs);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(1)] = reader.GetInt32(0);
        }
        return ids;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = CommandTimeoutSeconds };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
