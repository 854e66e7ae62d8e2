using System.Net;
using System.Text.Json;
using LocalProducts.Tests;
using LocalProducts.Web.Pages.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace LocalProducts.IntegrationTests.Infrastructure.Requests;

/// The database goes away under a running site (a restart, a crash, refused connections): readers
/// get a short "sebentar" page, 503 with Retry-After, never a stack trace; the API a problem; the
/// readiness check says not ready; and the site recovers by itself when the database is back.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the site through IAsyncLifetime.DisposeAsync.")]
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const string Sebentar = "Sebentar ya, situs sedang pulih. Coba lagi dalam beberapa detik.";

    private TestDatabase _database = null!;
    private DatabasePassage _passage = null!;
    private FaultSite _site = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CopyOfTemplateAsync();
        _passage = new DatabasePassage(TestCluster.Server.Port);
        var throughPassage = _passage.ConnectionStringFor(_database.ConnectionString);
        _site = new FaultSite(throughPassage);
        _site.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _passage.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Get_WhileTheDatabaseIsGone_Answers503SebentarThenRecoversByItself()
    {
        string productPage;
        using (var scope = _site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LocalProducts.Web.Data.AppDbContext>();
            productPage = "/produk/" + await ProductCard.Visible(db.Products).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync();
        }
        string[] pages = ["/produk?q=kopi", "/", productPage];
        using var client = _site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        _passage.Cut();

        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{page}: {(int)response.StatusCode}");
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(Sebentar, html, StringComparison.Ordinal);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
        }
        using (var api = await client.GetAsync("/api/v1/produk?q=kopi"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), api.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal(Sebentar, problem.RootElement.GetProperty("detail").GetString());
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        // Once per request, as a warning with the error's type; no stack trace from the request.
        var warnings = _site.Logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("Database unavailable", StringComparison.Ordinal)).ToList();
        Assert.Equal(pages.Length + 1, warnings.Count);
        Assert.All(warnings, e => Assert.Equal(LogEventLevel.Warning, e.Level));
        Assert.All(warnings, e => Assert.Null(e.Exception));
        Assert.DoesNotContain(_site.Logs.Events, e => e.Exception is not null && CapturedLogs.Source(e) is { } source
            && (source.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || source.StartsWith("Serilog.AspNetCore", StringComparison.Ordinal)
                || source.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)));

        _passage.Mend();

        foreach (var page in pages.Append("/api/v1/produk?q=kopi").Append("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, await StatusWithinAsync(client, page, TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task Get_WhileTheDatabaseIsGone_InEnglish_AnswersInEnglish()
    {
        using var client = _site.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");
        _passage.Cut();
        try
        {
            using var response = await client.GetAsync("/produk?q=teh");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Just a moment, the site is recovering. Try again in a few seconds.", html, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        }
        finally
        {
            _passage.Mend();
        }
    }

    /// The status the page answers within the time, asking again every 200 ms while it fails.
    private static async Task<HttpStatusCode> StatusWithinAsync(HttpClient client, string page, TimeSpan time)
    {
        var until = DateTime.UtcNow + time;
        while (true)
        {
            using var response = await client.GetAsync(page);
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > until)
            {
                return response.StatusCode;
            }
            await Task.Delay(200);
        }
    }
}
