using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace LocalProducts.Benchmarks.Bench;

/// Bytes of one response body as sent for one Accept-Encoding, and the encoding the site chose.
internal sealed record Transfer(long Bytes, string? ContentEncoding);

internal sealed record WeighedResource(string Kind, string Path, string? ContentType, Transfer Identity, Transfer Brotli, Transfer Gzip);

internal sealed record WeightResults(
    string Page,
    WeighedResource Html,
    IReadOnlyList<string> ScriptSources,
    int InlineScripts,
    int JsonLdBlocks,
    IReadOnlyList<WeighedResource> FirstView,
    IReadOnlyList<string> CssUrls,
    int FontFaces,
    IReadOnlyList<string> LaterImages)
{
    public long FirstViewBrotli => FirstView.Sum(r => r.Brotli.Bytes);
    public long FirstViewGzip => FirstView.Sum(r => r.Gzip.Bytes);
    public long FirstViewIdentity => FirstView.Sum(r => r.Identity.Bytes);
}

/// `bench weight`: a product page's HTML compressed with Brotli and with gzip, the script it ships,
/// and its first view: the HTML, its stylesheets, icon, the images in the header and the first
/// image of the content (the photo or the category placeholder), each fetched as a browser would.
/// Body bytes only: response headers add a few hundred bytes each.
internal static class WeightStep
{
    public const string FileName = "weight.json";

    public static async Task<int> RunAsync(Uri site, string slug, string outDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outDirectory);
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseCookies = false, UseProxy = false })
        {
            BaseAddress = site,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var page = $"/produk/{Uri.EscapeDataString(slug)}";
        var html = await WeighAsync(client, "HTML", page, cancellationToken);
        var text = await client.GetStringAsync(page, cancellationToken);
        var document = new HtmlParser().ParseDocument(text);

        var scriptSources = document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        var inline = document.QuerySelectorAll("script:not([src])").ToList();
        var jsonLd = inline.Count(s => s.GetAttribute("type") == "application/ld+json");

        var firstView = new List<WeighedResource> { html };
        var stylesheets = document.QuerySelectorAll("link[rel~=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        var icons = document.QuerySelectorAll("link[rel~=icon]").Select(l => l.GetAttribute("href")!).ToList();
        var headerImages = document.QuerySelectorAll("header img").Select(i => i.GetAttribute("src")!).ToList();
        var contentImages = document.QuerySelectorAll("main img").Select(i => i.GetAttribute("src")!).ToList();
        var cssUrls = new List<string>();
        var fontFaces = 0;
        foreach (var stylesheet in stylesheets)
        {
            firstView.Add(await WeighAsync(client, "CSS", stylesheet, cancellationToken));
            var css = await client.GetStringAsync(stylesheet, cancellationToken);
            fontFaces += Regex.Count(css, "@font-face", RegexOptions.IgnoreCase);
            cssUrls.AddRange(Regex.Matches(css, @"url\(\s*['""]?([^'"")]+)['""]?\s*\)").Select(m => m.Groups[1].Value).Where(u => !u.StartsWith("data:", StringComparison.Ordinal)));
        }
        foreach (var icon in icons)
        {
            firstView.Add(await WeighAsync(client, "icon", icon, cancellationToken));
        }
        // Whatever the stylesheet pulls in (backgrounds, fonts) counts too: the view needs it.
        foreach (var url in cssUrls.Distinct())
        {
            firstView.Add(await WeighAsync(client, "from CSS", url, cancellationToken));
        }
        foreach (var image in headerImages.Concat(contentImages.Take(1)).Distinct())
        {
            firstView.Add(await WeighAsync(client, "image", image, cancellationToken));
        }

        var results = new WeightResults(page, html, scriptSources, inline.Count - jsonLd, jsonLd, firstView, cssUrls, fontFaces, contentImages.Skip(1).ToList());
        var path = Path.Combine(outDirectory, FileName);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, LatencyStep.Json), cancellationToken);
        foreach (var resource in firstView)
        {
            Console.WriteLine($"  {resource.Kind,-8} {resource.Path}: {resource.Identity.Bytes} B, br {resource.Brotli.Bytes} B ({resource.Brotli.ContentEncoding ?? "not compressed"}), gzip {resource.Gzip.Bytes} B ({resource.Gzip.ContentEncoding ?? "not compressed"})");
        }
        Console.WriteLine($"Page {page}: scripts {scriptSources.Count} files, {inline.Count - jsonLd} inline ({jsonLd} JSON-LD data blocks); "
            + $"first view {results.FirstViewBrotli} B with br, {results.FirstViewGzip} B with gzip, {results.FirstViewIdentity} B uncompressed. Wrote {path}.");
        return 0;
    }

    internal static async Task<WeighedResource> WeighAsync(HttpClient client, string kind, string path, CancellationToken cancellationToken)
    {
        var identity = await FetchAsync(client, path, "identity", cancellationToken);
        var brotli = await FetchAsync(client, path, "br", cancellationToken);
        var gzip = await FetchAsync(client, path, "gzip", cancellationToken);
        return new WeighedResource(kind, path, identity.ContentType, identity.Transfer, brotli.Transfer, gzip.Transfer);
    }

    private static async Task<(Transfer Transfer, string? ContentType)> FetchAsync(HttpClient client, string path, string encoding, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0)
        {
            // MapStaticAssets answers 200 with nothing when the files are not under the content root.
            throw new InvalidOperationException($"{path} came back empty: run the site from its publish folder (its content root).");
        }
        return (new Transfer(body.LongLength, response.Content.Headers.ContentEncoding.FirstOrDefault()), response.Content.Headers.ContentType?.MediaType);
    }
}
