using System.Net;
using LocalProducts.IntegrationTests.Infrastructure.Requests;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Products;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace LocalProducts.IntegrationTests.Infrastructure.Replica;

/// The site with ConnectionStrings:Replica on a real streaming replica. Each test changes a
/// product only on the primary (with the replica's replay paused, or the replica stopped), so the
/// page shows which database it was read from.
public sealed class ReadReplicaTests(StreamingReplica replica) : IClassFixture<StreamingReplica>
{
    private const string Edited = " Edisi Baru";

    [Fact]
    public async Task Get_ProductPage_AnonymousReadsTheReplica_WriterAndOwnerReadThePrimary()
    {
        var site = replica.Site;
        await StreamingReplica.WaitUntilReplicaReadAsync(site);
        var (slug, name) = await ProductAsync(site, 0);
        await replica.PauseReplayAsync();
        try
        {
            await replica.ExecuteOnPrimaryAsync("UPDATE products SET name = name || $1 WHERE slug = $2", Edited, slug);

            using var reader = CreateClient(site);
            Assert.Equal(name, await ProductNameAsync(reader, slug));

            using var owner = CreateClient(site);
            await owner.LogInAsync(site, "pemilik.kopi@melokal.test", "Pemilik-Kopi-2026");
            Assert.Equal(name + Edited, await ProductNameAsync(owner, slug));

            // An anonymous comment poster: their next reads come from the primary.
            using var writer = CreateClient(site);
            Assert.Equal(name, await ProductNameAsync(writer, slug));
            var post = await PostSlugAsync(site);
            var form = await writer.GetPageAsync($"/berita/{post}/komentar");
            using var posted = await writer.SubmitAsync(form, "form.form", new Dictionary<string, string>
            {
                ["Input.Name"] = "Pembaca Replika",
                ["Input.Text"] = "Komentar yang ditulis saat replika tertinggal.",
            });
            Assert.True((int)posted.StatusCode < 400, $"The comment answered {(int)posted.StatusCode}");
            var marker = Assert.Single(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("baru-menulis=", StringComparison.Ordinal));
            Assert.Contains("max-age=31", marker, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(name + Edited, await ProductNameAsync(writer, slug));

            // Others still read the replica, which has not applied the edit.
            using var another = CreateClient(site);
            Assert.Equal(name, await ProductNameAsync(another, slug));
        }
        finally
        {
            await replica.ResumeReplayAsync();
        }
    }

    [Fact]
    public async Task Get_WhenTheReplicaIsStopped_ReadsThePrimary_AndWarnsOnce()
    {
        var site = replica.Site;
        await StreamingReplica.WaitUntilReplicaReadAsync(site);
        var (slug, name) = await ProductAsync(site, 1);
        var warningsBefore = FallBackWarnings(site).Count;
        replica.StopReplica();
        try
        {
            await StreamingReplica.WaitForReplicaAsync(site, "Degraded");
            await replica.ExecuteOnPrimaryAsync("UPDATE products SET name = name || $1 WHERE slug = $2", Edited, slug);

            using var reader = CreateClient(site);
            Assert.Equal(name + Edited, await ProductNameAsync(reader, slug));
            foreach (var page in new[] { "/produk?q=kopi", "/berita", "/kampanye", "/api/v1/produk?q=kopi", "/" })
            {
                using var response = await reader.GetAsync(page);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            }
            // Several more looks at the replica, still down: no more warnings.
            await Task.Delay(TimeSpan.FromSeconds(2.5));

            var readiness = await StreamingReplica.ReadinessAsync(site);
            Assert.Equal(("Degraded", "Degraded"), (readiness.Status, readiness.Replica));
            var warnings = FallBackWarnings(site);
            Assert.Equal(warningsBefore + 1, warnings.Count);
            Assert.Equal(LogEventLevel.Warning, warnings[^1].Level);
        }
        finally
        {
            replica.StartReplica();
        }
        await StreamingReplica.WaitUntilReplicaReadAsync(site);
        Assert.NotEmpty(await site.Logs.WaitForAsync("Reads go to the replica", TimeSpan.FromSeconds(5)));
        using var again = CreateClient(site);
        Assert.Equal(name + Edited, await ProductNameAsync(again, slug));
    }

    [Fact]
    public async Task Get_WhenTheReplicaLagsBeyondTheLimit_ReadsThePrimary()
    {
        var strict = replica.CreateSite(maxLagSeconds: 1);
        await StreamingReplica.WaitUntilReplicaReadAsync(strict);
        await StreamingReplica.WaitUntilReplicaReadAsync(replica.Site);
        var (slug, name) = await ProductAsync(strict, 2);
        await replica.PauseReplayAsync();
        try
        {
            await replica.ExecuteOnPrimaryAsync("UPDATE products SET name = name || $1 WHERE slug = $2", Edited, slug);
            await StreamingReplica.WaitForReplicaAsync(strict, "Degraded");

            var readiness = await StreamingReplica.ReadinessAsync(strict);
            Assert.Equal("Degraded", readiness.Status);
            Assert.Contains("lagging", readiness.Description, StringComparison.Ordinal);
            using var reader = CreateClient(strict);
            Assert.Equal(name + Edited, await ProductNameAsync(reader, slug));
            // A site that allows 30 s of lag still reads the paused replica.
            using var patient = CreateClient(replica.Site);
            Assert.Equal(name, await ProductNameAsync(patient, slug));
        }
        finally
        {
            await replica.ResumeReplayAsync();
        }
        await StreamingReplica.WaitUntilReplicaReadAsync(strict);
        Assert.Single(FallBackWarnings(strict));
    }

    [Fact]
    public async Task HealthReady_ReportsThePrimaryAndTheReplica()
    {
        await StreamingReplica.WaitUntilReplicaReadAsync(replica.Site);
        using var client = CreateClient(replica.Site);

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("replica").GetProperty("status").GetString());
        Assert.StartsWith("lag ", checks.GetProperty("replica").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static HttpClient CreateClient(FaultSite site) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).ForSite(site);

    private static List<LogEvent> FallBackWarnings(FaultSite site) =>
        [.. site.Logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("Reads fall back to the primary", StringComparison.Ordinal))];

    private static async Task<string> ProductNameAsync(HttpClient client, string slug)
    {
        using var response = await client.GetAsync($"/produk/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        return page.QuerySelector("h1")!.TextContent.Trim();
    }

    /// A published product of the demo coffee maker's, read from the primary.
    private static async Task<(string Slug, string Name)> ProductAsync(FaultSite site, int index)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var product = await ProductCard.Visible(db.Products.AsNoTracking())
            .Where(p => p.State == ProductState.Published)
            .OrderBy(p => p.Id).Skip(index).Select(p => new { p.Slug, p.Name }).FirstAsync();
        return (product.Slug, product.Name);
    }

    private static async Task<string> PostSlugAsync(FaultSite site)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync();
    }
}
