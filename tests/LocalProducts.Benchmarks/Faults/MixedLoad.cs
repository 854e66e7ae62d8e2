using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace LocalProducts.Benchmarks.Faults;

/// One request's outcome, second by second: what the fault figures are made of.
internal sealed record Outcome(string Kind, long AtMs, int Status, bool Ok, bool RetryAfter, bool StackTrace, string? Error, double Ms = 0);

/// The mixed load of the fault runs, open loop at a set rate, as browsers would send it: anonymous
/// reads and searches, outbound clicks, comments, event registrations and owners' product edits
/// (logged in, forms with their antiforgery tokens). Each client connects from its own loopback
/// address (<see cref="LoopbackClients"/>): readers from a pool of addresses, each writer (a
/// shopper clicking out, commenting, registering) from a new one, so the site's per-address limits
/// apply as to real people and no once-a-day mark hides a write. Every write the site acknowledged
/// is kept with its unique marker for the check.
internal sealed class MixedLoad
{
    /// Addresses the anonymous reads come from.
    private const int Readers = 256;

    private static readonly HtmlParser _parser = new();

    private readonly Uri _site;
    private readonly LoadTargets _targets;
    private readonly LoopbackClients _clients;
    private readonly HttpClient[] _readers;
    private readonly Dictionary<Owner, SemaphoreSlim> _editing = [];
    private readonly ConcurrentBag<Outcome> _outcomes = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _startedAtUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public MixedLoad(Uri site, LoadTargets targets, LoopbackClients clients)
    {
        _site = site;
        _targets = targets;
        _clients = clients;
        _readers = [.. Enumerable.Range(0, Readers).Select(_ => clients.NextClient())];
    }

    public ConcurrentBag<string> AcknowledgedComments { get; } = [];
    public ConcurrentBag<string> AcknowledgedRegistrations { get; } = [];
    public ConcurrentBag<string> AcknowledgedEdits { get; } = [];
    /// Edits sent whose answer never came (a timeout or a broken connection): they may have been saved.
    public ConcurrentBag<string> UnansweredEdits { get; } = [];
    public int AcknowledgedClicks;
    public int AttemptedClicks;

    public IReadOnlyList<Outcome> Outcomes => [.. _outcomes.OrderBy(o => o.AtMs)];

    public long StartedAtUnixMs => _startedAtUnixMs;

    /// Milliseconds since the load was made, the clock of <see cref="Outcome.AtMs"/>.
    public long Elapsed => _clock.ElapsedMilliseconds;

    /// Loopback addresses handed out so far (readers, shoppers, owners).
    public int ClientAddresses => _clients.Used;

    public async Task RunAsync(int rate, TimeSpan duration, IReadOnlyList<Owner> owners, CancellationToken cancellationToken)
    {
        var running = new List<Task>();
        var random = new Random(20261206);
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var next = _clock.Elapsed;
        var ownerTurn = 0;
        while (_clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var roll = random.Next(100);
            running.Add(roll switch
            {
                < 40 => ReadAsync("read", _targets.Pages[random.Next(_targets.Pages.Count)]),
                < 60 => ReadAsync("read", "/produk?q=" + Uri.EscapeDataString(_targets.Words[random.Next(_targets.Words.Count)])),
                < 75 => ClickAsync(_targets.Outbound[random.Next(_targets.Outbound.Count)]),
                < 85 => CommentAsync(_targets.PostSlugs[random.Next(_targets.PostSlugs.Count)]),
                < 93 => RegisterAsync(_targets.EventSlugs[random.Next(_targets.EventSlugs.Count)]),
                _ => EditAsync(owners[ownerTurn++ % owners.Count]),
            });
            next += interval;
            var wait = next - _clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            running.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(running);
    }

    /// An anonymous GET from one of the readers' addresses; 200 expected.
    public async Task ReadAsync(string kind, string path)
    {
        var reader = _readers[Random.Shared.Next(_readers.Length)];
        await SendAsync(kind, reader, () => new HttpRequestMessage(HttpMethod.Get, path), r => r.StatusCode == HttpStatusCode.OK);
    }

    /// A shopper, new address, following a link to a marketplace: it must be sent there (and counted once).
    public async Task ClickAsync(string path)
    {
        Interlocked.Increment(ref AttemptedClicks);
        using var shopper = _clients.NextClient();
        var ok = await SendAsync("click", shopper, () => new HttpRequestMessage(HttpMethod.Get, path),
            r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location is { IsAbsoluteUri: true } to && to.Host != _site.Host);
        if (ok is not null)
        {
            Interlocked.Increment(ref AcknowledgedClicks);
        }
    }

    /// A reader, new address, writing a comment under a post (the form, then its POST).
    public async Task CommentAsync(string slug)
    {
        using var reader = _clients.NextClient();
        var form = await FormAsync("comment", reader, $"/berita/{slug}/komentar", "form.form");
        if (form is null)
        {
            return;
        }
        var marker = $"Komentar uji gangguan {Guid.NewGuid():N}";
        form.Fields["Input.Name"] = "Uji Gangguan";
        form.Fields["Input.Text"] = marker;
        var ok = await SendAsync("comment", reader, form.Post,
            r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains($"/berita/{slug}", StringComparison.Ordinal) == true);
        if (ok is not null)
        {
            AcknowledgedComments.Add(marker);
        }
    }

    /// A visitor, new address, registering for an event.
    public async Task RegisterAsync(string slug)
    {
        using var visitor = _clients.NextClient();
        var form = await FormAsync("registration", visitor, $"/acara/{slug}", "form.form");
        if (form is null)
        {
            return;
        }
        var email = $"uji.{Guid.NewGuid():N}@contoh.test";
        form.Fields["Input.Name"] = "Uji Gangguan";
        form.Fields["Input.Email"] = email;
        var ok = await SendAsync("registration", visitor, form.Post,
            r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.StartsWith($"/acara/{slug}", StringComparison.Ordinal) == true);
        if (ok is not null)
        {
            AcknowledgedRegistrations.Add(email);
        }
    }

    /// An owner (logged in, own address) editing the description of one of their products.
    public async Task EditAsync(Owner owner)
    {
        SemaphoreSlim editing;
        lock (_editing)
        {
            editing = _editing.TryGetValue(owner, out var found) ? found : _editing[owner] = new SemaphoreSlim(1, 1);
        }
        // One edit at a time per owner, like a person: a second editor would get a conflict.
        if (!await editing.WaitAsync(0))
        {
            await ReadAsync("read", _targets.Pages[0]);
            return;
        }
        try
        {
            var form = await FormAsync("edit", owner.Client, $"/dasbor/produk/{owner.ProductId}/ubah", "main form.form");
            if (form is null)
            {
                return;
            }
            var marker = Guid.NewGuid().ToString("N");
            var description = form.Fields.Keys.First(k => k.EndsWith("Description", StringComparison.Ordinal));
            var before = form.Fields[description];
            var cut = before.IndexOf("\n\nUji gangguan ", StringComparison.Ordinal);
            form.Fields[description] = $"{(cut < 0 ? before : before[..cut]).TrimEnd()}\n\nUji gangguan {marker}.";
            var ok = await SendAsync("edit", owner.Client, form.Post,
                r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString == "/dasbor/produk");
            if (ok is not null)
            {
                AcknowledgedEdits.Add(marker);
            }
            else if (_outcomes.LastOrDefault(o => o.Kind == "edit") is { Status: 0 })
            {
                UnansweredEdits.Add(marker);
            }
        }
        finally
        {
            editing.Release();
        }
    }

    private async Task<Form?> FormAsync(string kind, HttpClient client, string path, string selector)
    {
        string? html = null;
        await SendAsync(kind + "-form", client, () => new HttpRequestMessage(HttpMethod.Get, path), r => r.StatusCode == HttpStatusCode.OK,
            body => html = body);
        if (html is null)
        {
            return null;
        }
        var document = _parser.ParseDocument(html);
        return document.QuerySelector(selector) is IHtmlFormElement form ? new Form(path, Form.FieldsOf(form)) : null;
    }

    /// Sends, records the outcome, and returns the response's body when it was the expected one.
    private async Task<string?> SendAsync(string kind, HttpClient client, Func<HttpRequestMessage> request, Func<HttpResponseMessage, bool> expected,
        Action<string>? body = null)
    {
        var at = _clock.ElapsedMilliseconds;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var message = request();
            using var response = await client.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            var ok = expected(response);
            var stackTrace = text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception:", StringComparison.Ordinal);
            _outcomes.Add(new Outcome(kind, at, (int)response.StatusCode, ok, response.Headers.RetryAfter is not null, stackTrace, null,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            if (ok)
            {
                body?.Invoke(text);
                return text;
            }
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            _outcomes.Add(new Outcome(kind, at, 0, false, false, false, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            return null;
        }
    }

    /// Milliseconds since the load started, as Unix time.
    public long UnixMs(long atMs) => _startedAtUnixMs + atMs;
}

internal sealed record Owner(HttpClient Client, int ProductId);

/// A form as a browser would send it: its fields (the antiforgery token among them) with the
/// values typed on top.
internal sealed class Form(string path, Dictionary<string, string> fields)
{
    public Dictionary<string, string> Fields { get; } = fields;

    public HttpRequestMessage Post() => new(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(Fields) };

    public static Dictionary<string, string> FieldsOf(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    fields[box.Name!] = box.Value;
                    break;
                case IHtmlInputElement { Type: "radio" } radio when !string.IsNullOrEmpty(radio.Name) && !fields.ContainsKey(radio.Name):
                    fields[radio.Name] = radio.Value;
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "file" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields[input.Name] = input.Value;
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields[area.Name] = area.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields[select.Name] = select.Value ?? "";
                    break;
            }
        }
        return fields;
    }
}

/// What the load visits, read from the database before it starts.
internal sealed record LoadTargets(
    IReadOnlyList<string> Pages, IReadOnlyList<string> Words, IReadOnlyList<string> Outbound, IReadOnlyList<string> PostSlugs, IReadOnlyList<string> EventSlugs);
