using System.Diagnostics;
using System.Globalization;
using System.Text;
using LocalProducts.Benchmarks.Faults;
using Npgsql;

namespace LocalProducts.Benchmarks.Soak;

/// `soak max`: the highest rate of the soak's mix that keeps p95 under a bound (closed loop,
/// rising concurrency, short steps). `soak run`: the mix open loop at a set rate for minutes, with a
/// spike on one campaign page in the middle, reporting each minute (throughput, latency, errors,
/// each instance's memory, PostgreSQL connections) and at the end, then checking every
/// acknowledged write (lost / doubled). Prints Markdown; --out writes it to a file too.
internal static class SoakCommand
{
    private const string Usage = """
        Usage:
          soak max --url <site> --connection "<primary cs>" [--step-seconds 20] [--p95-bound 250] [--rate-file <file>] [--out <file.md>]
          soak run --url <site> --connection "<primary cs>" --rate <operations/s> [--minutes 30] [--replica "<cs>"]
                   [--pids 123,456,789] [--spike-share 0.5] [--report-seconds 60] [--out <file.md>]
        """;

    private static readonly int[] _concurrencies = [2, 4, 8, 16, 32, 48, 64, 96, 128];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Skip(1).Chunk(2).Where(c => c.Length == 2).ToDictionary(c => c[0].TrimStart('-'), c => c[1], StringComparer.Ordinal);
        var verb = args.FirstOrDefault();
        if (verb is not ("max" or "run") || !options.TryGetValue("url", out var url) || !options.TryGetValue("connection", out var connection)
            || (verb == "run" && !(Option(options, "rate", 0) > 0)))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var site = new Uri(url);
        await using var primary = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = 2 }.ConnectionString);
        var targets = await SoakTargets.ReadAsync(primary);
        // `soak max` and `soak run` go to the same database one after the other: their shoppers never share an address.
        var clients = new LoopbackClients(site, verb == "max" ? 1 : 128);
        var owners = await MixedLoadCommand.LogInOwnersAsync(clients);
        var load = new MixedLoad(site, targets.Writes, clients);
        var mix = new SoakMix(targets, load, owners);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Soak mix over {targets.Words.Count} words, {targets.Products.Count} products, {targets.Makers.Count} makers, {targets.Campaigns.Count} campaigns against {site}"));
        var report = verb == "max"
            ? await MaxAsync(load, mix, options)
            : await SoakAsync(load, mix, primary, options);
        Console.WriteLine(report.Text);
        if (options.TryGetValue("out", out var outFile))
        {
            await File.WriteAllTextAsync(outFile, report.Text);
        }
        return report.Passed ? 0 : 1;
    }

    private static double Option(Dictionary<string, string> options, string name, double fallback) =>
        options.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ') is var parts ? $"{parts[0]} {parts[1]} {parts[2]}" : "";

    /// Closed loop: N clients each sending the next operation when the last one answered, N rising
    /// step by step; the maximum is the best rate of a step whose p95 stays under the bound and
    /// that had no error. Stops at an error, two steps in a row over the bound, or when the rate
    /// stops growing.
    private static async Task<(string Text, bool Passed)> MaxAsync(MixedLoad load, SoakMix mix, Dictionary<string, string> options)
    {
        var step = TimeSpan.FromSeconds(Option(options, "step-seconds", 20));
        var bound = Option(options, "p95-bound", 250);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Maximum of the soak mix (closed loop, steps of {step.TotalSeconds:0} s, p95 bound {bound:0} ms)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Load average at the start: {LoadAverage()}");
        text.AppendLine();
        Console.WriteLine("Warming up (20 s, 4 clients)");
        await ClosedLoopAsync(mix, 4, TimeSpan.FromSeconds(20));
        text.AppendLine("| clients | operations/s | " + LatencyFigures.Columns);
        text.AppendLine("| ---: | ---: | " + LatencyFigures.ColumnsRule);
        var best = 0.0;
        var first = 0.0;
        var flat = 0;
        var over = 0;
        foreach (var clients in _concurrencies)
        {
            var from = load.Elapsed;
            var operations = await ClosedLoopAsync(mix, clients, step);
            var figures = LatencyFigures.Of("all", [.. load.Outcomes.Where(o => o.AtMs >= from)], step.TotalSeconds);
            var rate = operations / step.TotalSeconds;
            first = first == 0 ? rate : first;
            var row = string.Create(CultureInfo.InvariantCulture, $"| {clients} | {rate:0.0} | {figures.Cells()}");
            text.AppendLine(row);
            Console.WriteLine(row);
            // One step over the bound can be a pause of the machine (a build next door, a
            // collection): two in a row, or any error, end the search.
            if (figures.P95 > bound || figures.Errors > 0)
            {
                if (++over == 2 || figures.Errors > 0)
                {
                    break;
                }
                continue;
            }
            over = 0;
            flat = rate < best * 1.05 ? flat + 1 : 0;
            best = Math.Max(best, rate);
            if (flat == 2)
            {
                break;
            }
        }
        text.AppendLine();
        if (best == 0)
        {
            // Even the fewest clients passed the bound (a busy machine): the soak still runs, at 70 % of that step.
            best = first;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"**No step kept p95 under {bound:0} ms** (the machine is busy or the bound too tight): the maximum taken is the first step's rate.");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Maximum: {best:0.0} operations/s with p95 under {bound:0} ms and no error; the soak runs at 70 %: {best * 0.7:0.0} operations/s. Load average at the end: {LoadAverage()}");
        if (options.TryGetValue("rate-file", out var rateFile))
        {
            await File.WriteAllTextAsync(rateFile, string.Create(CultureInfo.InvariantCulture, $"{best:0.0}\n"));
        }
        return (text.ToString(), best > 0);
    }

    private static async Task<long> ClosedLoopAsync(SoakMix mix, int clients, TimeSpan duration)
    {
        long operations = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async n =>
        {
            var random = new Random(n * 7919 + clients);
            while (Stopwatch.GetTimestamp() < until)
            {
                await mix.Next(random);
                Interlocked.Increment(ref operations);
            }
        }));
        return operations;
    }

    /// Open loop at the rate, the spike in the middle, a line each report period, the totals and the check.
    private static async Task<(string Text, bool Passed)> SoakAsync(MixedLoad load, SoakMix mix, NpgsqlDataSource primary, Dictionary<string, string> options)
    {
        var rate = Option(options, "rate", 0);
        var duration = TimeSpan.FromMinutes(Option(options, "minutes", 30));
        var period = TimeSpan.FromSeconds(Option(options, "report-seconds", 60));
        var spikeShare = Option(options, "spike-share", 0.5);
        // A few minutes in the middle: a sixth of the run, 20 s to 5 minutes.
        var spikeLength = TimeSpan.FromSeconds(Math.Clamp(duration.TotalSeconds / 6, 20, 300));
        var spikeFrom = (duration - spikeLength) / 2;
        int[] pids = options.TryGetValue("pids", out var pidList)
            ? [.. pidList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))]
            : [];
        await using var replica = options.TryGetValue("replica", out var replicaConnection)
            ? NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(replicaConnection) { MaxPoolSize = 1 }.ConnectionString)
            : null;
        var sampler = new ServerSampler(pids, primary, replica);
        var clicksBefore = await MixedLoadCommand.ClicksAsync(primary);
        var loadStart = LoadAverage();

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"## Soak: {rate:0.0} operations/s for {duration.TotalMinutes:0.#} min, spike of +{spikeShare:P0} on {mix.SpikePage} from {spikeFrom.TotalMinutes:0.#} to {(spikeFrom + spikeLength).TotalMinutes:0.#} min");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Started {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at the start: {loadStart}. Mix (‰): {string.Join(", ", SoakMix.Shares.Select(s => $"{s.Kind} {s.PerMille}"))}.");
        text.AppendLine();
        var samples = new List<ServerSample> { await sampler.SampleAsync(0) };
        var rows = new List<string>();
        var instanceColumns = string.Concat(pids.Select((_, i) => $" RSS {i + 1} MB |"));
        var minuteHeader = $"| minute | requests | req/s | p50 ms | p95 ms | p99 ms | errors | 429 |{instanceColumns} PG primary connections | PG replica connections |";
        Console.WriteLine(minuteHeader);

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var started = load.Elapsed;
        var reporting = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(period);
            var from = started;
            while (await TickAsync(timer, stop.Token))
            {
                var to = load.Elapsed;
                var figures = LatencyFigures.Of("", [.. load.Outcomes.Where(o => o.AtMs >= from && o.AtMs < to)], (to - from) / 1000.0);
                var sample = await sampler.SampleAsync((to - started) / 60000.0);
                lock (samples)
                {
                    samples.Add(sample);
                }
                var row = MinuteRow(sample, figures);
                rows.Add(row);
                Console.WriteLine(row);
                from = to;
                if (to - started >= duration.TotalMilliseconds)
                {
                    break;
                }
            }
        });

        var spike = Task.Run(async () =>
        {
            await PauseAsync(spikeFrom, stop.Token);
            if (spikeShare > 0 && !stop.IsCancellationRequested)
            {
                await OpenLoopAsync(_ => mix.Spike(), rate * spikeShare, spikeLength, stop.Token);
            }
        });
        await OpenLoopAsync(mix.Next, rate, duration, stop.Token);
        await spike;
        var seconds = (load.Elapsed - started) / 1000.0;
        await stop.CancelAsync();
        await reporting;
        // Let the last writes land before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var end = await sampler.SampleAsync(seconds / 60);
        samples.Add(end);
        var check = await MixedLoadCommand.CheckAsync(primary, load, clicksBefore);

        text.AppendLine("### Each minute");
        text.AppendLine();
        text.AppendLine(minuteHeader);
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + string.Concat(pids.Select(_ => " ---: |")) + " --- | --- |");
        text.AppendLine(MinuteRow(samples[0], null));
        foreach (var row in rows)
        {
            text.AppendLine(row);
        }
        text.AppendLine(MinuteRow(end, null));
        text.AppendLine();
        text.AppendLine("### Whole run, per kind of request");
        text.AppendLine();
        text.AppendLine(LatencyFigures.Header);
        text.AppendLine(LatencyFigures.Rule);
        var outcomes = load.Outcomes.Where(o => o.AtMs >= started).ToList();
        var all = LatencyFigures.Of("**all**", outcomes, seconds);
        foreach (var kind in outcomes.GroupBy(o => o.Kind).OrderByDescending(g => g.Count()))
        {
            text.AppendLine(LatencyFigures.Of(kind.Key, [.. kind], seconds).Row());
        }
        text.AppendLine(all.Row());
        text.AppendLine();
        text.AppendLine("### Memory of each instance (RSS, MB)");
        text.AppendLine();
        for (var i = 0; i < pids.Length; i++)
        {
            var first = samples[0].RssMb[i];
            var last = end.RssMb[i];
            var peak = samples.Max(s => s.RssMb[i]);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- instance {i + 1} (pid {pids[i]}): start {first:0}, end {last:0}, peak {peak:0}, change {(last - first):+0;-0} MB");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Writes acknowledged: {check.Comments} comments, {check.Registrations} registrations, {check.Edits} product edits; lost {check.Lost}, doubled {check.Doubled}. "
            + $"Outbound clicks: {check.ClicksAttempted} sent, {check.ClicksAcknowledged} redirected, {check.ClicksCounted} counted ({(check.ClicksExact ? "exact" : "NOT exact")}).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Client addresses used: {load.ClientAddresses}. Load average at the end: {LoadAverage()}. Errors: {all.Errors} (goal 0); 429: {all.TooMany}.");
        return (text.ToString(), all.Errors == 0 && check.Lost == 0 && check.Doubled == 0 && check.ClicksExact);
    }

    private static string MinuteRow(ServerSample sample, LatencyFigures? figures)
    {
        var rss = string.Concat(sample.RssMb.Select(r => r is { } mb ? string.Create(CultureInfo.InvariantCulture, $" {mb:0} |") : " gone |"));
        var load = figures is null
            ? "| - | - | - | - | - | - | - |"
            : string.Create(CultureInfo.InvariantCulture,
                $"| {figures.Requests} | {figures.PerSecond:0.0} | {figures.P50:0} | {figures.P95:0} | {figures.P99:0} | {figures.Errors} | {figures.TooMany} |");
        return string.Create(CultureInfo.InvariantCulture, $"| {sample.AtMinutes:0.0} {load}{rss} {sample.PrimaryConnections} | {sample.ReplicaConnections} |");
    }

    /// The next report period; false once the run is over.
    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// Waits, or less when cancelled.
    private static async Task PauseAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// Starts one operation every 1/rate seconds whatever the answers take (open loop), then waits for the last.
    private static async Task OpenLoopAsync(Func<Random, Task> operation, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var random = new Random(20261206);
        var running = new List<Task>();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            running.Add(operation(random));
            next += interval;
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await PauseAsync(wait, cancellationToken);
            }
            if (running.Count > 1000)
            {
                running.RemoveAll(t => t.IsCompleted);
            }
        }
        await Task.WhenAll(running);
    }
}
