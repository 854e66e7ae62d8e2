using System.Diagnostics;
using System.Globalization;
using LocalProducts.Benchmarks.Generation;
using LocalProducts.Web.Infrastructure;
using Npgsql;

namespace LocalProducts.Benchmarks;

internal sealed record GenerateOptions(string? Connection, string? Embedded, bool KeepRunning, int Products, int Ikm, int Seed)
{
    /// The embedded cluster's loopback port when given (--port); a free one otherwise.
    public int? Port { get; init; }

    public const int DefaultProducts = 100_000;
    public const int DefaultIkm = 10_000;
    public const int DefaultSeed = 20261123;
}

/// `generate`: fills a Melokal database with a deterministic catalogue for benchmarks.
internal static class GenerateCommand
{
    /// Connections writing product chunks at once: one per core, as the search vectors are
    /// CPU-bound in the server.
    private const int MaxWorkers = 8;

    private const string Usage = """
        Usage:
          generate --connection "<npgsql connection string>" [--products 100000] [--ikm 10000] [--seed 20261123]
          generate --embedded <folder> [--port 18401] [--keep-running] [--products 100000] [--ikm 10000] [--seed 20261123]

        --connection    a migrated database with the reference seeds (start the site once against it)
        --embedded      start (or reuse) a PostgreSQL cluster in <folder>, migrate and seed it, then generate;
                        the cluster is stopped at the end unless --keep-running is given
        --port          the embedded cluster's port on 127.0.0.1 when it starts one (a free port otherwise)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        EmbeddedPostgres? server = null;
        try
        {
            var vocabulary = Vocabulary.Load(Path.Combine(AppContext.BaseDirectory, Vocabulary.FileName));
            var connectionString = options.Connection;
            if (options.Embedded is { } folder)
            {
                var started = Stopwatch.StartNew();
                server = EmbeddedPostgres.Start(new EmbeddedPostgresOptions { RootDirectory = folder, Port = options.Port });
                connectionString = server.ConnectionString;
                await BenchmarkDatabase.MigrateAndSeedAsync(connectionString, cancellation.Token);
                Console.WriteLine($"Embedded PostgreSQL in {Path.GetFullPath(folder)} migrated and seeded in {Seconds(started)}: {connectionString}");
            }
            await GenerateAsync(connectionString!, options, vocabulary, cancellation.Token);
            return 0;
        }
        catch (NotReadyException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (EmbeddedPostgresUnavailableException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (NpgsqlException ex)
        {
            await Console.Error.WriteLineAsync($"The database could not be used: {ex.Message}");
            return 1;
        }
        catch (InvalidDataException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled: work not yet committed was rolled back; the next run removes any generated rows left behind.");
            return 1;
        }
        finally
        {
            if (server is not null)
            {
                if (options.KeepRunning)
                {
                    Console.WriteLine($"The embedded server keeps running (--keep-running); stop it with pg_ctl stop -D {Path.Combine(Path.GetFullPath(options.Embedded!), "data")} (as the postgres user when run as root).");
                }
                else
                {
                    server.Stop();
                    Console.WriteLine("Stopped the embedded server.");
                }
            }
        }
    }

    private static async Task GenerateAsync(string connectionString, GenerateOptions options, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (await BenchmarkDatabase.NotReadyReasonAsync(connection, connectionString, vocabulary.CategorySlugs, cancellationToken) is { } reason)
        {
            throw new NotReadyException(reason);
        }
        var reference = await ReferenceData.LoadAsync(connection, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (removedIkms, removedProducts) = await CatalogueWriter.RemoveGeneratedAsync(connection, cancellationToken);
        if (removedIkms > 0)
        {
            Console.WriteLine($"Removed {removedIkms} generated IKM and {removedProducts} products of an earlier run.");
        }

        var generating = Stopwatch.StartNew();
        var nibsInUse = await CatalogueWriter.NibsInUseAsync(connection, cancellationToken);
        var catalogue = new CatalogueGenerator(vocabulary, reference, options.Seed, nibsInUse).Generate(options.Ikm, options.Products);
        Console.WriteLine($"Generated the rows (seed {options.Seed}) in {Seconds(generating)}.");

        var writing = Stopwatch.StartNew();
        var ikmIds = await CatalogueWriter.WriteIkmsAsync(connection, catalogue.Ikms, cancellationToken);
        // The products' foreign keys need the IKM committed before other connections write them.
        await transaction.CommitAsync(cancellationToken);
        var workers = Math.Clamp(Environment.ProcessorCount, 1, MaxWorkers);
        await CatalogueWriter.WriteProductsAsync(connectionString, catalogue.Products, ikmIds, workers, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote them with binary COPY in chunks of {CatalogueWriter.ChunkSize} products on {workers} connections in {Seconds(writing)}."));
        Console.WriteLine($"{catalogue.Ikms.Count} IKM, {catalogue.Products.Count} products, {catalogue.CertificationCount} certifications, "
            + $"{catalogue.LinkCount} links in {Seconds(total)}");

        // VACUUM as well as ANALYZE: the rows of an earlier run leave dead tuples, and a fresh
        // visibility map lets index-only scans work from the first benchmark request.
        var analyzing = Stopwatch.StartNew();
        await CatalogueWriter.ExecuteAsync(connection, "VACUUM (ANALYZE) ikms, products, product_search, certifications, marketplace_links", cancellationToken);
        Console.WriteLine($"VACUUM (ANALYZE) in {Seconds(analyzing)}.");

        // The vocabulary (typo corrections, suggestions) is otherwise refreshed by a running site.
        var refreshing = Stopwatch.StartNew();
        await CatalogueWriter.ExecuteAsync(connection, "REFRESH MATERIALIZED VIEW search_terms", cancellationToken);
        Console.WriteLine($"Vocabulary (search_terms) refreshed in {Seconds(refreshing)}.");
    }

    private static string Seconds(Stopwatch watch) =>
        watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static bool TryParse(string[] args, out GenerateOptions options, out string error)
    {
        options = new GenerateOptions(null, null, false, GenerateOptions.DefaultProducts, GenerateOptions.DefaultIkm, GenerateOptions.DefaultSeed);
        error = "";
        if (args.Length == 0 || args[0] != "generate")
        {
            error = "The commands are 'generate' and 'bench' (run 'bench' alone for its usage).";
            return false;
        }
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--keep-running")
            {
                options = options with { KeepRunning = true };
                continue;
            }
            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value.";
                return false;
            }
            var value = args[++i];
            switch (name)
            {
                case "--connection":
                    options = options with { Connection = value };
                    break;
                case "--embedded":
                    options = options with { Embedded = value };
                    break;
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536:
                    options = options with { Port = port };
                    break;
                case "--products" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var products):
                    options = options with { Products = products };
                    break;
                case "--ikm" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ikm) && ikm > 0:
                    options = options with { Ikm = ikm };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                default:
                    error = $"Unknown option or bad value: {name} {value}.";
                    return false;
            }
        }
        if ((options.Connection is null) == (options.Embedded is null))
        {
            error = "Give exactly one of --connection and --embedded.";
            return false;
        }
        if (options.KeepRunning && options.Embedded is null)
        {
            error = "--keep-running goes with --embedded.";
            return false;
        }
        return true;
    }
}

/// The database is not migrated or not seeded; the message says what to do, in one sentence.
internal sealed class NotReadyException(string message) : Exception(message);
