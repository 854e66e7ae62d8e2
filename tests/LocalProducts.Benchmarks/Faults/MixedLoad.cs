using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace LocalProducts.Benchmarks.Faults;

/// One request's outcome, second by second: what the fault figures are made of.
internal sealed record Outcome(string Kind, long AtMs, int Status, bool Ok, bool RetryAfter, bool StackTrace, string? Error);

/// The mixed load of the fault runs, open loop at a set rate, as browsers would send it: anonymous
/// reads and searches, outbound clicks, comments, event registrations and owners' product edits
/// (logged in, forms with their antiforgery tokens). Each client address is unique
/// (X-Forwarded-For, trusted from loopback), so no per-address limit or once-a-day mark hides a
/// write. Every write the site acknowledged is kept with its unique marker for the check.
internal sealed class MixedLoad(Uri site, LoadTargets targets)
{
    private static readonly HtmlParser _parser = new();

    private readonly HttpClient _anonymous = NewClient(site);
    private readonly ConcurrentBag<Outcome> _outcomes = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _startedAtUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private int _address;

    public ConcurrentBag<string> AcknowledgedComments { get; } = [];
    public ConcurrentBag<string> AcknowledgedRegistrations { get; } = [];
    public ConcurrentBag<string> AcknowledgedEdits { get; } = [];
    /// Edits sent whose answer never came (a timeout or a broken connection): they may have been saved.
    public ConcurrentBag<string> UnansweredEdits { get; } = [];
    public int AcknowledgedClicks;
    public int AttemptedClicks;

    public IReadOnlyList<Outcome> Outcomes => [.. _outcomes.OrderBy(o => o.AtMs)];

    public long StartedAtUnixMs => _startedAtUnixMs;

    public static HttpClient NewClient(Uri site) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(15),
    };

    public async Task RunAsync(int rate, TimeSpan duration, IReadOnlyList<Owner> owners, CancellationToken cancellationToken)
    {
        var running = new List<Task>();
        var editing = owners.ToDictionary(o => o, _ => new SemaphoreSlim(1, 1));
        var random = new Random(20261206);
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var next = _clock.Elapsed;
        var ownerTurn = 0;
        while (_clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var roll = random.Next(100);
            running.Add(roll switch
            {
                < 40 => ReadAsync(targets.Pages[random.Next(targets.Pages.Count)]),
                < 60 => ReadAsync("/produk?q=" + Uri.EscapeDataString(targets.Words[random.Next(targets.Words.Count)])),
                < 75 => ClickAsync(targets.Outbound[random.Next(targets.Outbound.Count)]),
                < 85 => CommentAsync(targets.PostSlugs[random.Next(targets.PostSlugs.Count)]),
                < 93 => RegisterAsync(targets.EventSlugs[random.Next(targets.EventSlugs.Count)]),
                _ => EditAsync(owners[ownerTurn++ % owners.Count], editing),
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

    private string NextAddress()
    {
        var n = Interlocked.Increment(ref _address);
        return string.Create(CultureInfo.InvariantCulture, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
    }

    private async Task ReadAsync(string path)
    {
        await SendAsync("read", _anonymous, () => new HttpRequestMessage(HttpMethod.Get, path), r => r.StatusCode == HttpStatusCode.OK);
    }

    private async Task ClickAsync(string path)
    {
        Interlocked.Increment(ref AttemptedClicks);
        var address = NextAddress();
        var ok = await SendAsync("click", _anonymous, () => WithAddress(new HttpRequestMessage(HttpMethod.Get, path), address),
            r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location is { IsAbsoluteUri: true } to && to.Host != site.Host);
        if (ok is not null)
        {
            Interlocked.Increment(ref AcknowledgedClicks);
        }
    }

    private async Task CommentAsync(string slug)
    {
        var address = NextAddress();
        var form = await FormAsync("comment", _anonymous, $"/berita/{slug}/komentar", "form.form", address);
        if (form is null)
        {
            return;
        }
        var marker = $"Komentar uji gangguan {Guid.NewGuid():N}";
        form.Fields["Input.Name"] = "Uji Gangguan";
        form.Fields["Input.Text"] = marker;
        var ok = await SendAsync("comment", _anonymous, () => form.Post(address),
            r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.Contains($"/berita/{slug}", StringComparison.Ordinal) == true);
        if (ok is not null)
        {
            AcknowledgedComments.Add(marker);
        }
    }

    private async Task RegisterAsync(string slug)
    {
        var address = NextAddress();
        var form = await FormAsync("registration", _anonymous, $"/acara/{slug}", "form.form", address);
        if (form is null)
        {
            return;
        }
        var email = $"uji.{Guid.NewGuid():N}@contoh.test";
        form.Fields["Input.Name"] = "Uji Gangguan";
        form.Fields["Input.Email"] = email;
        var ok = await SendAsync("registration", _anonymous, () => form.Post(address),
            r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.StartsWith($"/acara/{slug}", StringComparison.Ordinal) == true);
        if (ok is not null)
        {
            AcknowledgedRegistrations.Add(email);
        }
    }

    private async Task EditAsync(Owner owner, Dictionary<Owner, SemaphoreSlim> editing)
    {
        // One edit at a time per owner, like a person: a second editor would get a conflict.
        if (!await editing[owner].WaitAsync(0))
        {
            await ReadAsync(targets.Pages[0]);
            return;
        }
        try
        {
            var form = await FormAsync("edit", owner.Client, $"/dasbor/produk/{owner.ProductId}/ubah", "main form.form", null);
            if (form is null)
            {
                return;
            }
            var marker = Guid.NewGuid().ToString("N");
            var description = form.Fields.Keys.First(k => k.EndsWith("Description", StringComparison.Ordinal));
            var before = form.Fields[description];
            var cut = before.IndexOf("\n\nUji gangguan ", StringComparison.Ordinal);
            form.Fields[description] = $"{(cut < 0 ? before : before[..cut]).TrimEnd()}\n\nUji gangguan {marker}.";
            var ok = await SendAsync("edit", owner.Client, () => form.Post(null),
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
            editing[owner].Release();
        }
    }

    private static HttpRequestMessage WithAddress(HttpRequestMessage request, string? address)
    {
        if (address is not null)
        {
            request.Headers.Add("X-Forwarded-For", address);
        }
        return request;
    }

    private async Task<Form?> FormAsync(string kind, HttpClient client, string path, string selector, string? address)
    {
        string? html = null;
        await SendAsync(kind + "-form", client, () => WithAddress(new HttpRequestMessage(HttpMethod.Get, path), address), r => r.StatusCode == HttpStatusCode.OK,
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
        try
        {
            using var message = request();
            using var response = await client.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            var ok = expected(response);
            var stackTrace = text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception:", StringComparison.Ordinal);
            _outcomes.Add(new Outcome(kind, at, (int)response.StatusCode, ok, response.Headers.RetryAfter is not null, stackTrace, null));
            if (ok)
            {
                body?.Invoke(text);
                return text;
            }
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            _outcomes.Add(new Outcome(kind, at, 0, false, false, false, ex.GetType().Name));
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

    public HttpRequestMessage Post(string? address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(Fields) };
        if (address is not null)
        {
            request.Headers.Add("X-Forwarded-For", address);
        }
        return request;
    }

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
