using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Pages.Admin.Melokal.MetricImports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LocalProducts.Benchmarks.Bench;

/// `bench melokal`: the Melokal rounds' two heavy operations on a real PostgreSQL. (a) A generated
/// CSV of 100,000 rows imported through the site's own import (MetricCsvReader and
/// MetricImportWriter, run by MetricImportRunner as the background worker runs it). (b) A round of
/// 1,000 influencers (about 6 posts each, 2–3 snapshots per post) ranked: facts loaded from the
/// database, RoundScoring.Score and FlagRules.Detect, median of several runs. The rounds it makes
/// are deleted at the end.
internal static class MelokalStep
{
    public sealed record Result(
        int ImportRows, double ImportSeconds, double RowsPerSecond, int NewPosts, int NewSnapshots, long ImportAllocatedBytes, long PeakWorkingSetAfterImport,
        int RankInfluencers, int RankPosts, int RankSnapshots, int Runs, double RankMedianMs, double RankLoadMedianMs, double RankComputeMedianMs, double RankScoreMedianMs,
        int Flags, long RankAllocatedBytes, long PeakWorkingSetAfterRanking, string Machine);

    public static async Task<int> RunAsync(string? connectionString, string? embedded, string? outDirectory, int rows, int influencers, int runs, CancellationToken cancellationToken)
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
            await using var dataSource = new NpgsqlDataSourceBuilder(SiteConnection.SiteSettings(connectionString)).Build();
            var services = new ServiceCollection();
            services.AddLogging(logging => logging.AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                .AddFilter(typeof(MetricImportRunner).FullName, LogLevel.Information));
            services.AddSingleton(dataSource);
            services.AddDbContext<AppDbContext>(options => AppDbContext.Configure(options, dataSource));
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<MetricImportRunner>();
            await using var provider = services.BuildServiceProvider();
            var runner = provider.GetRequiredService<MetricImportRunner>();
            var rounds = new List<int>();
            try
            {
                // (b) first, so that its peak memory is not the import's.
                Console.WriteLine($"Ranking: a round of {influencers} influencers");
                var rankRound = await CreateRoundAsync(provider, influencers, rounds, cancellationToken);
                var rankCsv = RankingCsv(rankRound.Handles);
                await ImportAsync(provider, runner, rankRound.RoundId, rankCsv.Content, cancellationToken);
                var rankFacts = await LoadFactsAsync(provider, rankRound.RoundId, cancellationToken);
                var total = new List<double>();
                var load = new List<double>();
                var compute = new List<double>();
                var scoring = new List<double>();
                var flags = 0;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                for (var run = 0; run < runs + 1; run++)
                {
                    var watch = Stopwatch.StartNew();
                    var facts = await LoadFactsAsync(provider, rankRound.RoundId, cancellationToken);
                    var loaded = watch.Elapsed.TotalMilliseconds;
                    var scores = RoundScoring.Score(facts.Rules, facts.Entries, facts.Posts);
                    var scored = watch.Elapsed.TotalMilliseconds;
                    var detected = FlagRules.Detect(facts.Rules, facts.Limits, facts.Posts, facts.UrlKeys, scores);
                    watch.Stop();
                    flags = detected.Count;
                    // The first run warms up (JIT, prepared statements) and is not counted.
                    if (run > 0)
                    {
                        total.Add(watch.Elapsed.TotalMilliseconds);
                        load.Add(loaded);
                        compute.Add(watch.Elapsed.TotalMilliseconds - loaded);
                        scoring.Add(scored - loaded);
                    }
                }
                var rankAllocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (runs + 1);
                var peakAfterRanking = PeakWorkingSet();

                // (a) the big import.
                Console.WriteLine($"Import: {rows} rows");
                var importRound = await CreateRoundAsync(provider, influencers, rounds, cancellationToken);
                var content = ImportCsv(importRound.Handles, rows);
                GC.Collect();
                var importAllocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var importWatch = Stopwatch.StartNew();
                var import = await ImportAsync(provider, runner, importRound.RoundId, content, cancellationToken);
                importWatch.Stop();
                var importAllocated = GC.GetTotalAllocatedBytes(precise: true) - importAllocatedBefore;
                if (import.State != ImportState.Done || import.GoodRows != rows)
                {
                    throw new InvalidOperationException($"The import ended {import.State} with {import.GoodRows} good rows of {rows}.");
                }

                var result = new Result(
                    rows, importWatch.Elapsed.TotalSeconds, rows / importWatch.Elapsed.TotalSeconds, import.NewPosts, import.NewSnapshots, importAllocated, PeakWorkingSet(),
                    influencers, rankFacts.Posts.Count, rankFacts.Posts.Sum(p => p.Snapshots.Count), runs, Median(total), Median(load), Median(compute), Median(scoring),
                    flags, rankAllocated, peakAfterRanking, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
                Print(result);
                if (outDirectory is not null)
                {
                    Directory.CreateDirectory(outDirectory);
                    await File.WriteAllTextAsync(Path.Combine(outDirectory, "melokal.json"), JsonSerializer.Serialize(result, LatencyStep.Json), cancellationToken);
                }
                return 0;
            }
            finally
            {
                await DeleteRoundsAsync(dataSource, rounds);
            }
        }
        finally
        {
            server?.Stop();
        }
    }

    private static void Print(Result r)
    {
        var mb = 1024.0 * 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Import of {r.ImportRows:N0} rows: {r.ImportSeconds:0.00} s, {r.RowsPerSecond:N0} rows/s ({r.NewPosts:N0} posts, {r.NewSnapshots:N0} snapshots); allocated {r.ImportAllocatedBytes / mb:0} MB; peak working set {r.PeakWorkingSetAfterImport / mb:0} MB
            Ranking {r.RankInfluencers:N0} influencers ({r.RankPosts:N0} posts, {r.RankSnapshots:N0} snapshots, {r.Flags} flags): median of {r.Runs} runs {r.RankMedianMs:0} ms (load {r.RankLoadMedianMs:0} ms, score and flags {r.RankComputeMedianMs:0} ms, of which RoundScoring.Score {r.RankScoreMedianMs:0} ms); allocated {r.RankAllocatedBytes / mb:0} MB per run; peak working set {r.PeakWorkingSetAfterRanking / mb:0} MB
            """));
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record BenchRound(int RoundId, IReadOnlyList<string> Handles);

    private static readonly DateOnly _windowStartsOn = new(2027, 1, 12);

    private static async Task<BenchRound> CreateRoundAsync(IServiceProvider provider, int influencers, List<int> rounds, CancellationToken cancellationToken)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var key = Guid.NewGuid().ToString("N")[..8];
        var campaign = new Campaign { Slug = $"bench-{key}", Name = $"Bench {key}", Hashtag = $"#Bench{key}", StartsOn = new(2027, 1, 1) };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        var round = new InfluencerRound
        {
            CampaignId = campaign.Id,
            Slug = $"bench-{key}",
            Title = $"Bench {key}",
            WindowStartsOn = _windowStartsOn,
            Platforms = [SocialPlatform.Instagram, SocialPlatform.TikTok],
            CreatedAt = now,
            UpdatedAt = now,
        };
        round.MoveTo(RoundState.OpenForSignUp, now, "bench");
        round.MoveTo(RoundState.Monitoring, now, "bench");
        db.InfluencerRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        rounds.Add(round.Id);
        var people = Enumerable.Range(0, influencers).Select(i => new Influencer
        {
            Name = $"Bench {i}",
            City = "Denpasar",
            Email = $"bench{i}.{key}@example.test",
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        people.ForEach(p => p.NormaliseEmail());
        db.Influencers.AddRange(people);
        await db.SaveChangesAsync(cancellationToken);
        var handles = new List<string>();
        for (var i = 0; i < influencers; i++)
        {
            var handle = $"b{i}.{key}";
            var entry = new RoundEntry { RoundId = round.Id, InfluencerId = people[i].Id, SignedUpAt = now };
            entry.SetHandles([
                EntryHandle.Create(round.Id, SocialPlatform.Instagram, handle, 5_000 + i),
                EntryHandle.Create(round.Id, SocialPlatform.TikTok, handle, 8_000 + i),
            ]);
            entry.ConfirmEmail(now);
            entry.Approve(now, "bench");
            db.RoundEntries.Add(entry);
            handles.Add(handle);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new BenchRound(round.Id, handles);
    }

    private const string Header = "platform;akun;url;diposting;diambil;pengikut;suka;komentar;dibagikan;disimpan;tayangan";

    private static string Row(SocialPlatform platform, string handle, string post, DateTime postedAt, DateTime takenAt, int followers, int likes, int comments, int shares, int saves, int? views)
    {
        var id = CultureInfo.GetCultureInfo("id-ID");
        var url = platform == SocialPlatform.TikTok ? $"https://www.tiktok.com/@{handle}/video/{post}" : $"https://www.instagram.com/p/{post}/";
        return string.Create(CultureInfo.InvariantCulture,
            $"{SocialPlatforms.NameOf(platform)};@{handle};{url};{postedAt:dd/MM/yyyy HH.mm};{takenAt:dd/MM/yyyy HH.mm};{followers.ToString("N0", id)};{likes.ToString("N0", id)};{comments};{shares};{saves};{(views is { } v ? v.ToString("N0", id) : "")}");
    }

    /// Each influencer about 6 posts (5 to 7) with 2 or 3 snapshots each, a few of them outliers.
    private static (byte[] Content, int Rows) RankingCsv(IReadOnlyList<string> handles)
    {
        var random = new Random(20270112);
        var start = _windowStartsOn.ToDateTime(TimeOnly.MinValue);
        var text = new StringBuilder(Header).Append('\n');
        var rows = 0;
        for (var i = 0; i < handles.Count; i++)
        {
            var followers = random.Next(1_000, 200_000);
            var posts = random.Next(5, 8);
            for (var p = 0; p < posts; p++)
            {
                var platform = p % 3 == 2 ? SocialPlatform.TikTok : SocialPlatform.Instagram;
                var posted = start.AddHours(random.Next(0, 24 * 5));
                var rate = random.NextDouble() * 0.08 * (random.Next(50) == 0 ? 6 : 1);
                var snapshots = random.Next(2, 4);
                for (var s = 0; s < snapshots; s++)
                {
                    var taken = posted.AddHours(12 + (24 * s));
                    var grown = followers + (s * random.Next(0, 200));
                    var likes = (int)(grown * rate * (0.6 + (0.2 * s)));
                    text.Append(Row(platform, handles[i], $"R{i}x{p}", posted, taken, grown, likes, likes / random.Next(10, 60), likes / 50, likes / 40,
                        platform == SocialPlatform.TikTok ? likes * random.Next(5, 30) : null)).Append('\n');
                    rows++;
                }
            }
        }
        return (Encoding.UTF8.GetBytes(text.ToString()), rows);
    }

    /// rows rows spread over the influencers: posts with 5 snapshots each, one a day.
    private static byte[] ImportCsv(IReadOnlyList<string> handles, int rows)
    {
        var random = new Random(20270113);
        var start = _windowStartsOn.ToDateTime(TimeOnly.MinValue);
        var text = new StringBuilder(rows * 140).Append(Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var handle = i % handles.Count;
            var post = i / (handles.Count * 5);
            var snapshot = (i / handles.Count) % 5;
            var posted = start.AddHours((post * 7) % 48);
            var platform = post % 3 == 2 ? SocialPlatform.TikTok : SocialPlatform.Instagram;
            var likes = random.Next(0, 20_000);
            text.Append(Row(platform, handles[handle], $"I{post}x{handle}", posted, posted.AddDays(snapshot + 1), 10_000 + handle, likes, likes / 20, likes / 50, likes / 40,
                platform == SocialPlatform.TikTok ? likes * 12 : null)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// Queues the file as the upload page does and runs it as the worker does.
    private static async Task<MetricImport> ImportAsync(IServiceProvider provider, MetricImportRunner runner, int roundId, byte[] content, CancellationToken cancellationToken)
    {
        int id;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var import = new MetricImport
            {
                RoundId = roundId,
                FileName = "bench.csv",
                FileSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
                Content = content,
                ContentLength = content.Length,
                CreatedBy = "bench",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.MetricImports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            id = import.Id;
        }
        await runner.RunPendingAsync(cancellationToken);
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await db.MetricImports.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
        }
    }

    private sealed record RoundFacts(ScoringRules Rules, FlagLimits Limits, IReadOnlyList<EntryFacts> Entries, IReadOnlyList<PostFacts> Posts, IReadOnlyDictionary<long, string> UrlKeys);

    /// The facts scoring needs, read the way a ranking page would: the round, its approved
    /// entries, their posts and every snapshot, without tracking.
    private static async Task<RoundFacts> LoadFactsAsync(IServiceProvider provider, int roundId, CancellationToken cancellationToken)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var round = await db.InfluencerRounds.AsNoTracking().SingleAsync(r => r.Id == roundId, cancellationToken);
        var entries = await db.RoundEntries.AsNoTracking()
            .Where(e => e.RoundId == roundId && e.Status == EntryStatus.Approved)
            .Select(e => new EntryFacts(e.Id, e.Influencer!.Name, e.ExclusionReason != null, 0))
            .ToListAsync(cancellationToken);
        var posts = await db.RoundPosts.AsNoTracking()
            .Where(p => p.RoundId == roundId)
            .Select(p => new { p.Id, p.EntryId, p.Platform, p.PostedAt, p.ProductId, p.ExclusionReason, p.UrlKey })
            .ToListAsync(cancellationToken);
        var snapshots = await db.MetricSnapshots.AsNoTracking()
            .Where(s => db.RoundPosts.Any(p => p.Id == s.PostId && p.RoundId == roundId))
            .Select(s => new { s.PostId, s.TakenAt, s.Followers, s.Likes, s.Comments, s.Shares, s.Saves, s.Views })
            .ToListAsync(cancellationToken);
        var byPost = snapshots.ToLookup(s => s.PostId, s => new SnapshotFacts(s.TakenAt, new PostMetrics(s.Followers, s.Likes, s.Comments, s.Shares, s.Saves, s.Views)));
        var facts = posts.Select(p => new PostFacts(p.Id, p.EntryId, p.Platform, p.PostedAt, p.ProductId, null, p.ExclusionReason != null, [.. byPost[p.Id]])).ToList();
        return new RoundFacts(ScoringRules.Of(round), FlagLimits.Of(round), entries, facts, posts.ToDictionary(p => p.Id, p => p.UrlKey));
    }

    private static async Task DeleteRoundsAsync(NpgsqlDataSource dataSource, List<int> rounds)
    {
        if (rounds.Count == 0)
        {
            return;
        }
        await using var command = dataSource.CreateCommand("""
            CREATE TEMP TABLE bench_people AS SELECT influencer_id FROM round_entries WHERE round_id = ANY(@rounds);
            CREATE TEMP TABLE bench_campaigns AS SELECT campaign_id FROM influencer_rounds WHERE id = ANY(@rounds);
            DELETE FROM influencer_rounds WHERE id = ANY(@rounds);
            DELETE FROM influencers WHERE id IN (SELECT influencer_id FROM bench_people);
            DELETE FROM campaigns WHERE id IN (SELECT campaign_id FROM bench_campaigns);
            """);
        command.Parameters.AddWithValue("rounds", rounds.ToArray());
        await command.ExecuteNonQueryAsync();
    }
}
