using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace LocalProducts.IntegrationTests.Pages.Products;

/// With nothing cached (output cache off, the catalogue's cache off) a product page and a search
/// page cost a fixed, small number of database round trips: a regression guard on the count, not
/// on time (docs/performance.md, "Cold pages").
public sealed class ColdPageRoundTripTests(SiteFixture site, ITestOutputHelper output) : IClassFixture<SiteFixture>
{
    private const string DemoProduct = "/produk/kopi-arabika-kintamani-natural-200g-batur";

    private WebApplicationFactory<Program> NothingCached() =>
        site.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("OutputCache:Enabled", "false");
            builder.UseSetting("CatalogueCache:Seconds", "0");
        });

    private async Task<IReadOnlyList<string>> StatementsAsync(string path)
    {
        using var factory = NothingCached();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // The search plans by the catalogue's size as PostgreSQL estimates it, which autovacuum may
        // or may not have taken yet in a fresh copy of the test database: take it now, as it
        // always is in a running site, so that the count does not depend on autovacuum's timing.
        await using (var connection = new Npgsql.NpgsqlConnection(site.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE product_search", connection);
            await analyze.ExecuteNonQueryAsync();
        }
        using var counter = new RoundTripCounter();
        // The first request warms what the site loads once per process (vocabulary, key ring).
        (await counter.GetAsync(client, path)).Response.Dispose();
        var (response, statements) = await counter.GetAsync(client, path);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        foreach (var statement in statements)
        {
            output.WriteLine("---- " + statement);
        }
        return statements;
    }

    [Fact]
    public async Task ProductPage_NothingCached_RoundTrips()
    {
        var statements = await StatementsAsync(DemoProduct);
        // The product with its maker, region, category, photos, certificates and links; the four
        // related products.
        Assert.Equal(2, statements.Count);
    }

    [Fact]
    public async Task SearchPage_NothingCached_RoundTrips()
    {
        var statements = await StatementsAsync("/produk?q=kopi");
        // Categories and provinces (one batch), synonyms, the words, the counts, the walk for the
        // top score (too few demo products score highest to fill a page) and then the page scored
        // in full, cards, the alumni count with "mentioned only", the local alternatives.
        Assert.Equal(9, statements.Count);
    }

    [Fact]
    public async Task SearchPage_Filters_NothingCached_RoundTrips()
    {
        var statements = await StatementsAsync("/produk?q=kopi&provinsi=bali&sertifikasi=halal");
        // As above, with the province's regencies and the page read with the counts.
        Assert.Equal(8, statements.Count);
    }
}
