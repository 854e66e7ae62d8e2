using LocalProducts.Benchmarks.Generation;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Npgsql;

namespace LocalProducts.Benchmarks.Bench;

/// `bench cluster`: the script's handle on the embedded cluster of `generate --embedded`. Prints
/// key=value lines for the script: the connection string, how many generated rows there are (to
/// decide whether to generate again) and a published generated product to measure.
internal static class ClusterStep
{
    public static async Task<int> RunAsync(string folder, bool stop, CancellationToken cancellationToken)
    {
        if (stop)
        {
            if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                Console.WriteLine($"No server is running on {Path.GetFullPath(folder)}.");
                return 0;
            }
            // Start adopts the running server; Stop then stops it.
            EmbeddedPostgres.Start(new EmbeddedPostgresOptions { RootDirectory = folder }).Stop();
            Console.WriteLine($"Stopped the server on {Path.GetFullPath(folder)}.");
            return 0;
        }

        var server = EmbeddedPostgres.Start(new EmbeddedPostgresOptions { RootDirectory = folder });
        await BenchmarkDatabase.MigrateAndSeedAsync(server.ConnectionString, cancellationToken);
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT (SELECT count(*) FROM ikms WHERE {CatalogueWriter.GeneratedIkmFilter}),
                   (SELECT count(*) FROM products WHERE ikm_id IN (SELECT id FROM ikms WHERE {CatalogueWriter.GeneratedIkmFilter})),
                   (SELECT p.slug FROM products p
                    WHERE p.state = {(int)ProductState.Published} AND p.ikm_id IN (SELECT id FROM ikms WHERE {CatalogueWriter.GeneratedIkmFilter})
                      AND EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id)
                      AND EXISTS (SELECT 1 FROM marketplace_links l WHERE l.product_id = p.id)
                    ORDER BY p.slug LIMIT 1)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        Console.WriteLine($"connection={server.ConnectionString}");
        Console.WriteLine($"ikm={reader.GetInt64(0)}");
        Console.WriteLine($"products={reader.GetInt64(1)}");
        Console.WriteLine($"slug={(reader.IsDBNull(2) ? "" : reader.GetString(2))}");
        return 0;
    }
}
