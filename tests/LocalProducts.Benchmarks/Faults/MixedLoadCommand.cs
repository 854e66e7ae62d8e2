using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LocalProducts.Web.Domain;
using Npgsql;

namespace LocalProducts.Benchmarks.Faults;

/// `faults load`: drives a running site with the mixed load for a while, then checks the database:
/// every write the site acknowledged is there exactly once. With --events (lines "name start-ms
/// back-ms", Unix milliseconds, written by run-faults.sh as it breaks the database), it also
/// gives each fault's figures. Prints Markdown; --out writes the figures as JSON.
internal static partial class MixedLoadCommand
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    private static readonly (string Email, string Password)[] _owners =
        [("pemilik.kopi@melokal.test", "Pemilik-Kopi-2026"), ("pemilik.busana@melokal.test", "Pemilik-Busana-2026")];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Skip(1).Chunk(2).Where(c => c.Length == 2).ToDictionary(c => c[0].TrimStart('-'), c => c[1], StringComparer.Ordinal);
        if (args.FirstOrDefault() != "load" || !options.TryGetValue("url", out var url) || !options.TryGetValue("connection", out var connection))
        {
            await Console.Error.WriteLineAsync("Usage: faults load --url http://127.0.0.1:18310 --connection \"<cs>\" [--seconds 60] [--rate 40] [--events <file>] [--out <file.json>]");
            return 2;
        }
        var site = new Uri(url);
        var seconds = int.Parse(options.GetValueOrDefault("seconds", "60"), CultureInfo.InvariantCulture);
        var rate = int.Parse(options.GetValueOrDefault("rate", "40"), CultureInfo.InvariantCulture);

        // No pool: the cluster restarts under this tool too, and a pooled connection would be broken.
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        var targets = await TargetsAsync(dataSource);
        var clicksBefore = await ClicksAsync(dataSource);
        var clients = new LoopbackClients(site);
        var owners = await LogInOwnersAsync(clients);

        var load = new MixedLoad(site, targets, clients);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.WriteLine($"Mixed load: {rate} requests/s for {seconds} s against {site}");
        await load.RunAsync(rate, TimeSpan.FromSeconds(seconds), owners, stop.Token);
        // Let the last writes land before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var check = await CheckAsync(dataSource, load, clicksBefore);
        var events = options.TryGetValue("events", out var eventsFile) && File.Exists(eventsFile) ? ReadEvents(eventsFile) : [];
        var figures = Figures(load, events);
        var report = Report(load, check, figures);
        Console.WriteLine(report);
        if (options.TryGetValue("out", out var outFile))
        {
            await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(new { check, figures }, _json));
        }
        return check.Lost == 0 && check.Doubled == 0 && figures.All(f => f.Errors500 == 0 && f.StackTraces == 0) ? 0 : 1;
    }

    /// The demo owners, logged in, each from an address of their own.
    public static async Task<List<Owner>> LogInOwnersAsync(LoopbackClients clients)
    {
        var owners = new List<Owner>();
        foreach (var (email, password) in _owners)
        {
            owners.Add(await LogInAsync(clients.NextClient(), email, password));
        }
        return owners;
    }

    public static async Task<LoadTargets> TargetsAsync(NpgsqlDataSource dataSource)
    {
        var products = await ListAsync(dataSource, $"SELECT slug FROM products WHERE state = {(int)ProductState.Published} ORDER BY id LIMIT 20");
        var outbound = new List<string>();
        await using (var command = dataSource.CreateCommand($"""
            SELECT p.slug, l.platform FROM marketplace_links l JOIN products p ON p.id = l.product_id
            WHERE p.state = {(int)ProductState.Published} AND l.platform <> {(int)Marketplace.WhatsApp} ORDER BY p.id, l.platform LIMIT 20
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                outbound.Add($"/keluar/{reader.GetString(0)}/{((Marketplace)reader.GetInt32(1)).ToString().ToLowerInvariant()}");
            }
        }
        var posts = await ListAsync(dataSource, $"SELECT slug FROM posts WHERE state = {(int)PostState.Published} ORDER BY id LIMIT 5");
        var events = await ListAsync(dataSource, $"SELECT slug FROM events WHERE state = {(int)EventState.Published} AND starts_at > now() + interval '1 day' ORDER BY id");
        string[] pages = ["/", .. products.Take(10).Select(s => "/produk/" + s), "/berita", "/acara", "/kampanye"];
        string[] words = ["kopi", "batik", "tenun", "keripik", "sambal", "madu", "teh", "rotan", "sabun", "kain"];
        if (outbound.Count == 0 || posts.Count == 0 || events.Count == 0)
        {
            throw new InvalidOperationException("The database has no demo data: outbound links, published posts and open events are needed.");
        }
        return new LoadTargets(pages, words, outbound, posts, events);
    }

    private static async Task<List<string>> ListAsync(NpgsqlDataSource dataSource, string sql)
    {
        var list = new List<string>();
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }
        return list;
    }

    public static async Task<long> ClicksAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(sum(clicks), 0)::bigint FROM outbound_clicks");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Owner> LogInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/akun/masuk");
        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelector("main form.form") as AngleSharp.Html.Dom.IHtmlFormElement
            ?? throw new InvalidOperationException("No log-in form");
        var fields = Form.FieldsOf(form);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await client.PostAsync("/akun/masuk", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Log-in of {email} answered {(int)response.StatusCode}");
        }
        var list = await client.GetStringAsync("/dasbor/produk");
        var id = int.Parse(EditLink().Match(list).Groups[1].Value, CultureInfo.InvariantCulture);
        return new Owner(client, id);
    }

    [GeneratedRegex("/dasbor/produk/([0-9]+)/ubah")]
    private static partial Regex EditLink();

    /// Every acknowledged write in the database once; the clicks counted against those sent.
    public static async Task<WriteCheck> CheckAsync(NpgsqlDataSource dataSource, MixedLoad load, long clicksBefore)
    {
        var comments = await CountEachAsync(dataSource, "SELECT text, count(*) FROM comments WHERE text = ANY(@m) GROUP BY text", [.. load.AcknowledgedComments]);
        var registrations = await CountEachAsync(dataSource, "SELECT email, count(*) FROM event_registrations WHERE email = ANY(@m) GROUP BY email", [.. load.AcknowledgedRegistrations]);
        // An edit overwrites the one before: each one saved left exactly one audit entry whose new
        // description carries its marker.
        var edits = await CountEachAsync(dataSource, """
            SELECT m, count(a.id) FROM unnest(@m) AS m
            LEFT JOIN audit_entries a ON a.entity_type = 'Product' AND position(m IN coalesce(a.changes::jsonb #>> '{Description,new}', '')) > 0
            GROUP BY m
            """, [.. load.AcknowledgedEdits]);
        var clicks = await ClicksAsync(dataSource) - clicksBefore;
        var all = comments.Concat(registrations).Concat(edits).ToList();
        return new WriteCheck(
            Comments: load.AcknowledgedComments.Count, Registrations: load.AcknowledgedRegistrations.Count, Edits: load.AcknowledgedEdits.Count,
            Lost: all.Count(c => c == 0) + (load.AcknowledgedComments.Count - comments.Count) + (load.AcknowledgedRegistrations.Count - registrations.Count),
            Doubled: all.Count(c => c > 1),
            ClicksAttempted: load.AttemptedClicks, ClicksAcknowledged: load.AcknowledgedClicks, ClicksCounted: clicks);
    }

    private static async Task<List<long>> CountEachAsync(NpgsqlDataSource dataSource, string sql, string[] markers)
    {
        var counts = new List<long>();
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("m", markers);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts.Add(reader.GetInt64(1));
        }
        return counts;
    }

    private static List<(string Name, long StartMs, long BackMs)> ReadEvents(string file) =>
        [.. File.ReadAllLines(file).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 3)
            .Select(p => (p[0], long.Parse(p[1], CultureInfo.InvariantCulture), long.Parse(p[2], CultureInfo.InvariantCulture)))];

    /// Per fault, the requests sent from its start until the next one (or the end): those that
    /// failed, the 503 answers and how many carried Retry-After, 500s and stack traces, and the time
    /// from the database being back to the last failure. "before any fault" is the baseline.
    private static List<FaultFigures> Figures(MixedLoad load, List<(string Name, long StartMs, long BackMs)> events)
    {
        var outcomes = load.Outcomes;
        var bounds = events.Select((e, i) => (e.Name, Start: e.StartMs, e.BackMs, End: i + 1 < events.Count ? events[i + 1].StartMs : long.MaxValue)).ToList();
        bounds.Insert(0, ("before any fault", long.MinValue, long.MinValue, events.Count > 0 ? events[0].StartMs : long.MaxValue));
        var figures = new List<FaultFigures>();
        foreach (var (name, start, back, end) in bounds)
        {
            var window = outcomes.Where(o => load.UnixMs(o.AtMs) >= start && load.UnixMs(o.AtMs) < end).ToList();
            var failed = window.Where(o => !o.Ok).ToList();
            var lastFailure = failed.Count == 0 ? (long?)null : failed.Max(o => load.UnixMs(o.AtMs));
            figures.Add(new FaultFigures(
                name, window.Count, failed.Count,
                window.Count(o => o.Status == 503), window.Count(o => o.Status == 503 && o.RetryAfter),
                window.Count(o => o.Status == 500), window.Count(o => o.StackTrace), failed.Count(o => o.Status == 0),
                back == long.MinValue ? null : lastFailure is { } last ? Math.Max(0, last - back) / 1000.0 : 0,
                [.. failed.GroupBy(o => $"{o.Kind} {(o.Status == 0 ? o.Error : o.Status.ToString(CultureInfo.InvariantCulture))}").Select(g => $"{g.Key}×{g.Count()}")]));
        }
        return figures;
    }

    private static string Report(MixedLoad load, WriteCheck check, List<FaultFigures> figures)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Requests: {load.Outcomes.Count}; kinds: {string.Join(", ", load.Outcomes.GroupBy(o => o.Kind).Select(g => $"{g.Key} {g.Count()}"))}");
        text.AppendLine();
        text.AppendLine("| fault | requests | failed | 503 (with Retry-After) | 500 | stack traces | no answer | recovered after DB back | failures |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var f in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Name} | {f.Requests} | {f.Failed} | {f.Unavailable} ({f.WithRetryAfter}) | {f.Errors500} | {f.StackTraces} | {f.NoAnswer} | {(f.RecoverySeconds is { } s ? $"{s:0.0} s" : "-")} | {string.Join(", ", f.Failures)} |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Acknowledged writes: {check.Comments} comments, {check.Registrations} registrations, {check.Edits} product edits; lost {check.Lost}, doubled {check.Doubled}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Outbound clicks: {check.ClicksAttempted} sent, {check.ClicksAcknowledged} redirected to the shop, {check.ClicksCounted} counted ({(check.ClicksExact ? "exact" : "NOT exact")}).");
        return text.ToString();
    }
}

internal sealed record WriteCheck(int Comments, int Registrations, int Edits, int Lost, int Doubled, int ClicksAttempted, int ClicksAcknowledged, long ClicksCounted)
{
    /// Each shopper clicks from an address of their own: every click sent and redirected is counted once.
    public bool ClicksExact => ClicksCounted == ClicksAcknowledged && ClicksAcknowledged == ClicksAttempted;
}

internal sealed record FaultFigures(
    string Name, int Requests, int Failed, int Unavailable, int WithRetryAfter, int Errors500, int StackTraces, int NoAnswer, double? RecoverySeconds,
    IReadOnlyList<string> Failures);
