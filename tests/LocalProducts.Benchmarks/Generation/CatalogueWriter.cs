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

    /// Writes the products with their certificates and links in several batches at once, one
    /// connection and transaction each, and commits them together at the end. The database
    /// derives search columns for every product row in a trigger, which costs far more than the
    /// COPY itself; several batches spread that work over the server's cores. Products go to
    /// batches in turn, so ids still rise roughly with creation time.
    public static async Task WriteProductsAsync(string connectionString, IReadOnlyList<GeneratedProduct> products,
        Dictionary<string, int> ikmIds, int batchCount, CancellationToken cancellationToken)
    {
        var batches = Enumerable.Range(0, batchCount)
            .Select(b => products.Where((_, index) => index % batchCount == b).ToList())
            .Where(batch => batch.Count > 0)
            .ToList();
        var connections = new List<NpgsqlConnection>();
        var transactions = new List<NpgsqlTransaction>();
        // The facet counts' triggers are off while the batches write and the counts are rebuilt
        // once after: batches adding to the same counts in transactions that commit together
        // would wait on each other for ever.
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync(cancellationToken);
        await ExecuteAsync(admin, "ALTER TABLE product_search DISABLE TRIGGER USER", cancellationToken);
        try
        {
            foreach (var _ in batches)
            {
                var connection = new NpgsqlConnection(connectionString);
                connections.Add(connection);
                await connection.OpenAsync(cancellationToken);
                transactions.Add(await connection.BeginTransactionAsync(cancellationToken));
            }
            await Task.WhenAll(batches.Select((batch, b) => WriteBatchAsync(connections[b], batch, ikmIds, cancellationToken)));
            foreach (var transaction in transactions)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            foreach (var transaction in transactions)
            {
                await transaction.DisposeAsync();
            }
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
            await ExecuteAsync(admin, "ALTER TABLE product_search ENABLE TRIGGER USER", CancellationToken.None);
            await ExecuteAsync(admin, "SELECT product_facet_counts_rebuild((now() AT TIME ZONE 'Asia/Jakarta')::date)", CancellationToken.None);
        }
    }

    private static async Task WriteBatchAsync(NpgsqlConnection connection, List<GeneratedProduct> products,
        Dictionary<string, int> ikmIds, CancellationToken cancellationToken)
    {
        await CopyProductsAsync(connection, products, ikmIds, cancellationToken);
        var productIds = await IdsBySlugAsync(connection, "SELECT id, slug FROM products WHERE slug = ANY(@slugs)",
            [.. products.Select(p => p.Slug)], cancellationToken);
        await CopyCertificationsAsync(connection, products, productIds, cancellationToken);
        await CopyLinksAsync(connection, products, productIds, cancellationToken);
    }

    private static async Task CopyIkmsAsync(NpgsqlConnection connection, IReadOnlyList<GeneratedIkm> ikms, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY ikms (slug, name, nib, scale, kbli, province_code, regency_code, district_code, address, sentra, founded_year, story, "
            + "whats_app, email, website, verification, verified_at, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
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

    private static async Task CopyProductsAsync(NpgsqlConnection connection, List<GeneratedProduct> products,
        Dictionary<string, int> ikmIds, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY products (ikm_id, category_id, slug, name, description, description_html, description_text, price_min, price_max, unit, "
            + "min_order, state, hidden_reason, created_at, updated_at, published_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        // As the site does when a product is saved (AppDbContext renders the description).
        var markdown = new MarkdownRenderer();
        foreach (var product in products)
        {
            await writer.StartRowAsync(cancellationToken);
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

    private static async Task CopyCertificationsAsync(NpgsqlConnection connection, List<GeneratedProduct> products,
        Dictionary<string, int> productIds, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY certifications (product_id, kind, number, issued_on, expires_on, tkdn_percent, bmp_percent) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var product in products)
        {
            var productId = productIds[product.Slug];
            foreach (var certification in product.Certifications)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(productId, NpgsqlDbType.Integer, cancellationToken);
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

    private static async Task CopyLinksAsync(NpgsqlConnection connection, List<GeneratedProduct> products,
        Dictionary<string, int> productIds, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY marketplace_links (product_id, platform, url) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var product in products)
        {
            var productId = productIds[product.Slug];
            foreach (var link in product.Links)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(productId, NpgsqlDbType.Integer, cancellationToken);
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
