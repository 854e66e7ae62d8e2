using System.Globalization;
using LocalProducts.Web.Infrastructure;
using Npgsql;

namespace LocalProducts.Benchmarks.Bench;

/// `bench`: the measurements of docs/performance.md. run-benchmarks.sh calls these steps in
/// order; each writes JSON into the results folder, and `report` turns the folder into Markdown.
internal static class BenchCommand
{
    private const string Usage = """
        Usage:
          bench cluster --embedded <folder> [--stop]
              start (or adopt) the cluster in <folder>, apply migrations and reference seeds, and print
              connection=, ikm=, products= (generated rows) and slug= (a published generated product);
              --stop stops it instead
          bench latency --connection "<cs>" [--url http://127.0.0.1:5090] [--slug <product slug>] --out <dir>
                        [--rate 50] [--seconds 20] [--warmup 5] [--mode db|http|both]
              open-loop latency of the fixed search queries: ProductSearch.RunAsync in this process
              (db) and GET /produk?... against the running site (http); then where each search's
              time goes (and the product page query's, with --slug), statement by statement
          bench weight --url http://127.0.0.1:5090 --slug <product slug> --out <dir>
              compressed size of a product page and of its first view
          bench pages --url http://127.0.0.1:5090 --pages "/ /produk /produk/<slug> ..." --out <dir>
              what a 390-px phone downloads for each page at its first visit: HTML, CSS, JS and
              images, with Brotli, gzip and uncompressed (page-weights.sh runs it on the demo data)
          bench explain --connection "<cs>" --out <dir>
              EXPLAIN (ANALYZE, BUFFERS) of the search's statements for q=kopi, as the site runs them
          bench melokal (--connection "<cs>" | --embedded <folder>) [--out <dir>] [--rows 100000] [--influencers 1000] [--runs 5]
              Melokal rounds: a generated CSV of --rows rows imported through the site's import
              (rows/s, peak memory), and a round of --influencers influencers ranked (RoundScoring
              and FlagRules on facts loaded from the database; median of --runs runs); the rounds
              it makes are deleted afterwards
          bench impact (--connection "<cs>" | --embedded <folder>) [--out <dir>] [--ikms 10000] [--runs 5]
              campaign impact: loads --ikms IKM with daily sales reports for 2023-2025 (about 10 million
              rows at 10,000; kept for the next run), then times the site's ImpactQuery for one campaign
              uncached (median of --runs runs) and cached (median of 200 requests)
          bench suggest (--connection "<cs>" | --embedded <folder>) [--out <dir>] [--runs 200] [--explain <text>]
              the search box's suggestions (SuggestionSearch, GET /api/v1/saran) for 20 typed texts,
              uncached, one after another: p50/p95 per text and per kind (--embedded adopts the
              cluster that bench cluster started, without migrating it); --explain prints the
              statement's plan for one typed text instead
          bench report --results <dir> --markdown <file>
              the Markdown report of a results folder (JSON of the steps above, wrk-*.json, env.json)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            return await WrongArgumentsAsync("bench needs a step.");
        }
        if (!TryParseOptions(args[1..], out var options, out var error))
        {
            return await WrongArgumentsAsync(error);
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        try
        {
            return args[0] switch
            {
                "cluster" when options.ContainsKey("embedded") => await ClusterStep.RunAsync(options["embedded"], options.ContainsKey("stop"), cancellation.Token),
                "latency" when options.ContainsKey("connection") && options.ContainsKey("out") => await LatencyStep.RunAsync(
                    options["connection"],
                    options.GetValueOrDefault("url"),
                    options.GetValueOrDefault("slug"),
                    options["out"],
                    Number(options, "rate", 50),
                    Number(options, "seconds", 20),
                    Number(options, "warmup", 5),
                    options.GetValueOrDefault("mode", "both"),
                    cancellation.Token),
                "weight" when options.ContainsKey("url") && options.ContainsKey("slug") && options.ContainsKey("out") =>
                    await WeightStep.RunAsync(new Uri(options["url"]), options["slug"], options["out"], cancellation.Token),
                "pages" when options.ContainsKey("url") && options.ContainsKey("pages") && options.ContainsKey("out") =>
                    await PageWeightsStep.RunAsync(
                        new Uri(options["url"]),
                        options["pages"].Split(' ', StringSplitOptions.RemoveEmptyEntries),
                        options["out"],
                        cancellation.Token),
                "explain" when options.ContainsKey("connection") && options.ContainsKey("out") =>
                    await ExplainStep.RunAsync(options["connection"], options["out"], cancellation.Token),
                "melokal" when options.ContainsKey("connection") || options.ContainsKey("embedded") => await MelokalStep.RunAsync(
                    options.GetValueOrDefault("connection"),
                    options.GetValueOrDefault("embedded"),
                    options.GetValueOrDefault("out"),
                    Number(options, "rows", 100_000),
                    Number(options, "influencers", 1_000),
                    Number(options, "runs", 5),
                    cancellation.Token),
                "impact" when options.ContainsKey("connection") || options.ContainsKey("embedded") => await ImpactStep.RunAsync(
                    options.GetValueOrDefault("connection"),
                    options.GetValueOrDefault("embedded"),
                    options.GetValueOrDefault("out"),
                    Number(options, "ikms", 10_000),
                    Number(options, "runs", 5),
                    cancellation.Token),
                "suggest" when options.ContainsKey("connection") || options.ContainsKey("embedded") => await SuggestStep.RunAsync(
                    options.GetValueOrDefault("connection"),
                    options.GetValueOrDefault("embedded"),
                    options.GetValueOrDefault("out"),
                    Number(options, "runs", 200),
                    options.GetValueOrDefault("explain"),
                    cancellation.Token),
                "report" when options.ContainsKey("results") && options.ContainsKey("markdown") =>
                    await ReportStep.RunAsync(options["results"], options["markdown"]),
                _ => await WrongArgumentsAsync($"Unknown step or missing option: bench {string.Join(' ', args)}"),
            };
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
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"The site could not be reached: {ex.Message}");
            return 1;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"Stopped: {ex.Message}{(ex.InnerException is { } inner ? $" ({inner.Message})" : "")}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 1;
        }
    }

    private static async Task<int> WrongArgumentsAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        await Console.Error.WriteLineAsync(Usage);
        return 2;
    }

    private static int Number(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

    /// `--name value` pairs; `--stop` alone is a flag.
    private static bool TryParseOptions(string[] args, out Dictionary<string, string> options, out string error)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"Expected an option, found {args[i]}.";
                return false;
            }
            var name = args[i][2..];
            if (name == "stop")
            {
                options[name] = "true";
                continue;
            }
            if (i + 1 >= args.Length)
            {
                error = $"--{name} needs a value.";
                return false;
            }
            options[name] = args[++i];
        }
        foreach (var number in new[] { "rate", "seconds", "warmup", "rows", "influencers", "runs", "ikms" })
        {
            if (options.TryGetValue(number, out var text) && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0))
            {
                error = $"--{number} must be a positive whole number.";
                return false;
            }
        }
        if (options.TryGetValue("mode", out var mode) && mode is not ("db" or "http" or "both"))
        {
            error = "--mode is db, http or both.";
            return false;
        }
        return true;
    }
}
