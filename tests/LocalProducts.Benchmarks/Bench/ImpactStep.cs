using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Pages.Campaigns.Impact;
using Npgsql;

namespace LocalProducts.Benchmarks.Bench;

/// `bench impact`: a campaign's impact from about 10 million daily sales reports. Loads 10,000
/// IKM (slugs impact-bench-…) with a daily report on about 10 of every 11 days of 2023–2025 in
/// one of four categories (INSERT … SELECT generate_series in the database, one statement per
/// year, then VACUUM ANALYZE), unless they are already there; then times the site's own
/// ImpactQuery for a campaign (June–August 2025 against March–May 2025, six months before):
/// uncached (a fresh ImpactResultCache per run, median of --runs runs after one warm-up) and
/// cached (the same cache, median of 200 requests).
internal static class ImpactStep
{
    public const string SlugPrefix = "impact-bench-";
    private const string CampaignSlug = "impact-bench-campaign";

    public sealed record Result(
        long Reports, int Ikms, int Runs, double UncachedMedianMs, double UncachedMinMs, double UncachedMaxMs, double SumsMedianMs, int SumRows,
        double CachedMedianMs, double CachedP95Ms, double? CoveredChangePct, double? ControlChangePct, double? DifferencePoints, int CoveredPanelIkm,
        double LoadSeconds, string Machine);

    public static async Task<int> RunAsync(string? connectionString, string? embedded, string? outDirectory, int ikms, int runs, CancellationToken cancellationToken)
    {
        EmbeddedPostgres? server = null;
        if (connectionString is null)
        {
            server = EmbeddedPostgres.Start(new EmbeddedPostgresOptions { RootDirectory = embedded! });
            connectionString = server.ConnectionString;
        }
        try
        {
            await BenchmarkDatabase.MigrateAndSeedAsync(connectionString, cancellationToken);
            await using var site = SiteConnection.Open(connectionString);
            var categories = await LeafCategoriesAsync(site.DataSource, cancellationToken);
            var loadSeconds = await LoadAsync(site.DataSource, ikms, categories, cancellationToken);
            var reports = await ScalarAsync<long>(site.DataSource, "SELECT count(*) FROM sales_reports", cancellationToken);
            await PlanAsync(site, categories[0], cancellationToken);

            var clock = TimeProvider.System;
            var uncached = new List<double>();
            var sumsTimes = new List<double>();
            ImpactView? view = null;
            var sumRows = 0;
            for (var run = 0; run < runs + 1; run++)
            {
                await using var db = site.CreateContext();
                var sums = new ImpactSumsQuery(db);
                var query = new ImpactQuery(db, sums, new ImpactResultCache(clock), clock);
                var watch = Stopwatch.StartNew();
                view = await query.RunAsync(CampaignSlug, staff: false, cancellationToken);
                watch.Stop();
                // The first run warms up (JIT, plans, the buffer cache) and is not counted.
                if (run > 0)
                {
                    uncached.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            // The grouping statement alone, for where the time goes.
            for (var run = 0; run < runs; run++)
            {
                await using var db = site.CreateContext();
                var plan = view!.Result!.Setup;
                var mapping = plan.Covered.Concat(plan.Control).Select(id => (id, id)).ToList();
                var watch = Stopwatch.StartNew();
                sumRows = (await new ImpactSumsQuery(db).RunAsync(plan, mapping, cancellationToken)).Count;
                sumsTimes.Add(watch.Elapsed.TotalMilliseconds);
            }

            var cache = new ImpactResultCache(clock);
            var cached = new List<double>();
            for (var request = 0; request < 201; request++)
            {
                await using var db = site.CreateContext();
                var query = new ImpactQuery(db, new ImpactSumsQuery(db), cache, clock);
                var watch = Stopwatch.StartNew();
                await query.RunAsync(CampaignSlug, staff: false, cancellationToken);
                watch.Stop();
                if (request > 0)
                {
                    cached.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            if (cache.Computations != 1)
            {
                throw new InvalidOperationException($"The cached runs computed {cache.Computations} times, not once.");
            }

            var result = view!.Result!;
            var outcome = new Result(reports, ikms, runs, Median(uncached), uncached.Min(), uncached.Max(), Median(sumsTimes), sumRows,
                Median(cached), Percentile(cached, 0.95), Round(result.Covered.Change * 100), Round(result.Control.Change * 100), Round(result.DifferencePoints),
                result.Covered.PanelIkm, loadSeconds, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                Impact of one campaign over {outcome.Reports:N0} sales reports ({outcome.Ikms:N0} IKM; loaded in {outcome.LoadSeconds:0} s, 0 when already there)
                Uncached (ImpactQuery with a fresh cache): median of {outcome.Runs} runs {outcome.UncachedMedianMs:0} ms (min {outcome.UncachedMinMs:0}, max {outcome.UncachedMaxMs:0}); the grouping statement alone {outcome.SumsMedianMs:0} ms ({outcome.SumRows:N0} sums)
                Cached (same cache, watermark checked): median {outcome.CachedMedianMs:0.00} ms, p95 {outcome.CachedP95Ms:0.00} ms over 200 requests
                Figures: covered {outcome.CoveredChangePct} %, control {outcome.ControlChangePct} %, difference {outcome.DifferencePoints} points, covered panel {outcome.CoveredPanelIkm:N0} IKM
                """));
            if (outDirectory is not null)
            {
                Directory.CreateDirectory(outDirectory);
                await File.WriteAllTextAsync(Path.Combine(outDirectory, "impact.json"), JsonSerializer.Serialize(outcome, LatencyStep.Json), cancellationToken);
            }
            return 0;
        }
        finally
        {
            server?.Stop();
        }
    }

    private static async Task<int[]> LeafCategoriesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id FROM categories c WHERE NOT EXISTS (SELECT 1 FROM categories k WHERE k.parent_id = c.id) ORDER BY id LIMIT 4");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids.Count == 4 ? [.. ids] : throw new InvalidOperationException("The reference seeds have fewer than four leaf categories.");
    }

    /// The IKM and their reports, unless a complete load is already there. Returns the seconds it took.
    private static async Task<double> LoadAsync(NpgsqlDataSource dataSource, int ikms, int[] categories, CancellationToken cancellationToken)
    {
        var present = await ScalarAsync<long>(dataSource, $"SELECT count(*) FROM ikms WHERE slug LIKE '{SlugPrefix}%'", cancellationToken);
        var marker = await ScalarAsync<long>(dataSource,
            $"SELECT count(*) FROM sales_reports WHERE period_start = DATE '2025-12-31' AND ikm_id IN (SELECT id FROM ikms WHERE slug LIKE '{SlugPrefix}%')", cancellationToken);
        if (present == ikms && marker > 0)
        {
            Console.WriteLine($"{ikms:N0} bench IKM and their reports are already there.");
            return 0;
        }
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"Loading {ikms:N0} IKM and their daily reports for 2023–2025 (a few minutes)");
        await ExecuteAsync(dataSource, $"DELETE FROM sales_reports WHERE ikm_id IN (SELECT id FROM ikms WHERE slug LIKE '{SlugPrefix}%')", cancellationToken);
        await ExecuteAsync(dataSource, $"DELETE FROM ikms WHERE slug LIKE '{SlugPrefix}%'", cancellationToken);
        await ExecuteAsync(dataSource, $"""
            INSERT INTO ikms (slug, name, nib, scale, kbli, province_code, regency_code, address, founded_year, story, verification, verified_at, created_at, updated_at)
            SELECT '{SlugPrefix}' || n, 'IKM Uji Dampak ' || n, '7' || lpad(n::text, 12, '0'), 1, '10761', r.province_code, r.code,
                   'Jalan Uji ' || n, 2015, 'IKM buatan untuk mengukur halaman dampak.', {(int)VerificationState.Verified}, now(), now(), now()
            FROM generate_series(1, {ikms}) AS n
            CROSS JOIN (SELECT province_code, code FROM regencies ORDER BY code LIMIT 1) AS r
            """, cancellationToken);
        // One category per IKM; each IKM's own level of sales, a slow trend, a weekly rhythm, and
        // the covered category (the first) half as high again during June–August 2025. About one
        // day in eleven is not reported.
        for (var year = 2023; year <= 2025; year++)
        {
            Console.WriteLine($"  {year}");
            await ExecuteAsync(dataSource, $"""
                INSERT INTO sales_reports (ikm_id, category_id, channel, period_kind, period_start, units, revenue_rupiah, state, reported_at, updated_at)
                SELECT i.id, i.category, {(int)SalesChannel.Shopee}, {(int)SalesPeriodKind.Daily}, d::date, greatest(1, s.revenue / 25000)::int, s.revenue,
                       {(int)SalesReportState.Counted}, now(), now()
                FROM (SELECT id, (ARRAY[{string.Join(',', categories)}])[1 + id % 4] AS category, 40000 + (id * 7919) % 160000 AS level
                      FROM ikms WHERE slug LIKE '{SlugPrefix}%') AS i
                CROSS JOIN generate_series(DATE '{year}-01-01', DATE '{year}-12-31', interval '1 day') AS d
                CROSS JOIN LATERAL (SELECT (i.level
                        * (1 + 0.004 * ((d::date - DATE '2023-01-01') / 30))
                        * (1 + 0.1 * extract(isodow FROM d))
                        * CASE WHEN i.category = {categories[0]} AND d BETWEEN DATE '2025-06-01' AND DATE '2025-08-31' THEN 1.5 ELSE 1 END)::bigint AS revenue) AS s
                WHERE (i.id + (d::date - DATE '2023-01-01')) % 11 <> 0
                """, cancellationToken);
        }
        Console.WriteLine("  VACUUM ANALYZE");
        await ExecuteAsync(dataSource, "VACUUM ANALYZE sales_reports", cancellationToken);
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task PlanAsync(SiteConnection site, int covered, CancellationToken cancellationToken)
    {
        await using var db = site.CreateContext();
        var campaign = db.Campaigns.FirstOrDefault(c => c.Slug == CampaignSlug);
        if (campaign is null)
        {
            campaign = new Campaign
            {
                Slug = CampaignSlug,
                Name = "Kampanye uji dampak",
                Hashtag = "#UjiDampak",
                StartsOn = new DateOnly(2025, 6, 1),
                EndsOn = new DateOnly(2025, 8, 31),
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(cancellationToken);
        }
        var plan = db.CampaignImpactPlans.FirstOrDefault(p => p.CampaignId == campaign.Id);
        if (plan is null)
        {
            plan = CampaignImpactPlan.For(campaign.Id);
            db.CampaignImpactPlans.Add(plan);
        }
        // No control chosen: every other leaf category (the three others with reports).
        plan.Change(new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 31), new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 31), [covered], [], 6,
            null, publish: true, DateTimeOffset.UtcNow, Guid.Empty);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 1800;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 600;
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
