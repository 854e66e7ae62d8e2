using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LocalProducts.Benchmarks.Bench;

/// One page's weight on a phone: each part fetched the three ways, grouped by kind.
internal sealed record PageWeight(
    string Page,
    IReadOnlyList<WeighedResource> FirstView,
    IReadOnlyList<WeighedResource> LazyImages)
{
    public long Brotli(string kind) => FirstView.Where(r => r.Kind == kind).Sum(r => r.Brotli.Bytes);
    public long Gzip(string kind) => FirstView.Where(r => r.Kind == kind).Sum(r => r.Gzip.Bytes);
    public long Identity(string kind) => FirstView.Where(r => r.Kind == kind).Sum(r => r.Identity.Bytes);
    public long FirstViewBrotli => FirstView.Sum(r => r.Brotli.Bytes);
    public long FirstViewGzip => FirstView.Sum(r => r.Gzip.Bytes);
    public long FirstViewIdentity => FirstView.Sum(r => r.Identity.Bytes);
    public long LazyImageBrotli => LazyImages.Sum(r => r.Brotli.Bytes);
}

/// `bench pages`: what a phone downloads for each shopper page with an empty cache. The HTML;
/// its stylesheets, scripts, icons and whatever the CSS pulls in; the images it loads at once
/// (not loading=lazy) and, apart, the lazy ones further down. Each image is the copy a phone
/// 390 CSS px wide at 2× density picks from srcset and sizes. Body bytes only, as the site sends
/// them for `Accept-Encoding: br`, `gzip` and `identity` (response headers add a few hundred bytes
/// per request). A file shared by several pages counts on each: each figure is a first visit.
internal static class PageWeightsStep
{
    public const string FileName = "page-weights.json";
    public const int PhoneWidth = 390;
    public const double PhoneDensity = 2;

    public static async Task<int> RunAsync(Uri site, IReadOnlyList<string> pages, string outDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outDirectory);
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseCookies = false, UseProxy = false })
        {
            BaseAddress = site,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var results = new List<PageWeight>();
        foreach (var page in pages)
        {
            results.Add(await WeighPageAsync(client, page, cancellationToken));
        }
        var path = Path.Combine(outDirectory, FileName);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, LatencyStep.Json), cancellationToken);

        Console.WriteLine("| page | HTML br / gzip / raw | CSS br / gzip / raw | JS br / gzip / raw | icon and images at once, br (images) | first view br / gzip / raw | lazy images, br (images) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            Console.WriteLine($"| `{r.Page}` | {Kb(r.Brotli("HTML"))} / {Kb(r.Gzip("HTML"))} / {Kb(r.Identity("HTML"))} "
                + $"| {Kb(r.Brotli("CSS"))} / {Kb(r.Gzip("CSS"))} / {Kb(r.Identity("CSS"))} "
                + $"| {Kb(r.Brotli("JS"))} / {Kb(r.Gzip("JS"))} / {Kb(r.Identity("JS"))} "
                + $"| {Kb(r.Brotli("image") + r.Brotli("icon") + r.Brotli("from CSS"))} ({r.FirstView.Count(f => f.Kind is "image")}) "
                + $"| {Kb(r.FirstViewBrotli)} / {Kb(r.FirstViewGzip)} / {Kb(r.FirstViewIdentity)} "
                + $"| {Kb(r.LazyImageBrotli)} ({r.LazyImages.Count}) |");
        }
        Console.WriteLine($"KB = 1,000 bytes. Wrote {path}.");
        return 0;
    }

    private static string Kb(long bytes) => (bytes / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static async Task<PageWeight> WeighPageAsync(HttpClient client, string page, CancellationToken cancellationToken)
    {
        var firstView = new List<WeighedResource> { await WeightStep.WeighAsync(client, "HTML", page, cancellationToken) };
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(page, cancellationToken));
        var seen = new HashSet<string>(StringComparer.Ordinal) { page };

        async Task AddAsync(List<WeighedResource> into, string kind, string? url)
        {
            if (string.IsNullOrEmpty(url) || url.StartsWith("data:", StringComparison.Ordinal) || !IsSameSite(client.BaseAddress!, url) || !seen.Add(url))
            {
                return;
            }
            into.Add(await WeightStep.WeighAsync(client, kind, url, cancellationToken));
        }

        foreach (var href in document.QuerySelectorAll("link[rel~=stylesheet]").Select(l => l.GetAttribute("href")))
        {
            await AddAsync(firstView, "CSS", href);
            var css = await client.GetStringAsync(href, cancellationToken);
            foreach (var url in Regex.Matches(css, @"url\(\s*['""]?([^'"")]+)['""]?\s*\)").Select(m => m.Groups[1].Value))
            {
                await AddAsync(firstView, "from CSS", url);
            }
        }
        foreach (var src in document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")))
        {
            await AddAsync(firstView, "JS", src);
        }
        foreach (var href in document.QuerySelectorAll("link[rel~=icon]").Select(l => l.GetAttribute("href")))
        {
            await AddAsync(firstView, "icon", href);
        }
        var lazy = new List<WeighedResource>();
        foreach (var img in document.QuerySelectorAll("img"))
        {
            var url = PhoneChoice(img);
            await AddAsync(img.GetAttribute("loading") == "lazy" ? lazy : firstView, "image", url);
        }
        Console.WriteLine($"  {page}: {firstView.Count} requests at once, {lazy.Count} lazy images");
        return new PageWeight(page, firstView, lazy);
    }

    /// A path on the site ("/css/site.css"; on Linux Uri would read it as a file) or an address
    /// of the site itself.
    private static bool IsSameSite(Uri site, string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Authority == site.Authority);

    /// The srcset candidate a phone of <see cref="PhoneWidth"/> CSS px at <see cref="PhoneDensity"/>
    /// picks: the slot width from sizes (the first media condition that holds; px, rem, vw, or
    /// calc(a - b) of them),
    /// then the narrowest copy at least slot × density wide, else the widest.
    internal static string? PhoneChoice(IElement img)
    {
        var src = img.GetAttribute("src");
        var srcset = img.GetAttribute("srcset");
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return src;
        }
        var candidates = srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 2 && p[1].EndsWith('w'))
            .Select(p => (Url: p[0], Width: int.Parse(p[1][..^1], CultureInfo.InvariantCulture)))
            .OrderBy(c => c.Width)
            .ToList();
        if (candidates.Count == 0)
        {
            return src;
        }
        var needed = SlotWidth(img.GetAttribute("sizes")) * PhoneDensity;
        return candidates.FirstOrDefault(c => c.Width >= needed, candidates[^1]).Url;
    }

    private static double SlotWidth(string? sizes)
    {
        foreach (var entry in (sizes ?? "100vw").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Regex.Match(entry, @"^(?:\((min|max)-width:\s*([\d.]+)(px|rem|em)\)\s+)?(?:([\d.]+)(px|rem|em|vw)|calc\(([\d.]+)(px|rem|em|vw)\s*-\s*([\d.]+)(px|rem|em|vw)\))$");
            if (!match.Success)
            {
                continue;
            }
            if (match.Groups[1].Success)
            {
                var limit = Length(match.Groups[2].Value, match.Groups[3].Value);
                var holds = match.Groups[1].Value == "max" ? PhoneWidth <= limit : PhoneWidth >= limit;
                if (!holds)
                {
                    continue;
                }
            }
            return match.Groups[4].Success
                ? Length(match.Groups[4].Value, match.Groups[5].Value)
                : Length(match.Groups[6].Value, match.Groups[7].Value) - Length(match.Groups[8].Value, match.Groups[9].Value);
        }
        return PhoneWidth;
    }

    private static double Length(string number, string unit)
    {
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch
        {
            "vw" => value * PhoneWidth / 100,
            "rem" or "em" => value * 16,
            _ => value,
        };
    }
}
