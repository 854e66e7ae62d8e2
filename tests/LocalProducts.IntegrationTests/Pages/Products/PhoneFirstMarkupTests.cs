using AngleSharp.Dom;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Products;

/// The markup that puts a phone shopper on the results and the buy buttons: results first with a
/// "Saring" link to the filters, filters that land on the results (#hasil), marketplace buttons
/// that say where they lead and open a new tab, and the certification marks on product cards.
public sealed class PhoneFirstMarkupTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Search_PutsTheResultsFirst_AndEveryFilterLandsOnThem()
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/produk?q=kopi&provinsi=aceh");

        var results = page.QuerySelector("section.results#hasil");
        var filters = page.QuerySelector("aside#saring");
        Assert.NotNull(results);
        Assert.NotNull(filters);
        Assert.True(Comes(page, results, before: filters), "the results come before the filters");
        Assert.Equal("#saring", page.QuerySelector("a.filter-toggle")!.GetAttribute("href"));
        Assert.Equal("/produk#hasil", filters.QuerySelector("form.search-refine")!.GetAttribute("action"));
        var facetLinks = filters.QuerySelectorAll(".facet a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(facetLinks);
        Assert.All(facetLinks, href => Assert.EndsWith("#hasil", href, StringComparison.Ordinal));
        var chips = page.QuerySelectorAll(".chips a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(chips);
        Assert.All(chips, href => Assert.EndsWith("#hasil", href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MarketplaceButtons_OpenANewTab_AndSayWhereTheyLead()
    {
        var slug = await QueryAsync(db => db.Products
            .Where(p => p.State == ProductState.Published && p.MarketplaceLinks.Any())
            .OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/produk/{slug}");

        var buttons = page.QuerySelectorAll(".buy-links a[href^='/keluar/']");
        Assert.NotEmpty(buttons);
        Assert.All(buttons, button =>
        {
            Assert.Equal("_blank", button.GetAttribute("target"));
            Assert.Contains("noopener", button.GetAttribute("rel")!.Split(' '));
            var platform = button.ChildNodes.OfType<IText>().First().Text.Trim();
            Assert.Contains($"kamu akan ke {platform} (tab baru)", button.QuerySelector(".buy-note")!.TextContent, StringComparison.Ordinal);
        });
        // The price, the maker and the buttons come before the photos and the description.
        var info = page.QuerySelector(".product-info")!;
        Assert.True(Comes(page, info, before: page.QuerySelector(".product-media")!), "the details come before the photos");
        Assert.NotNull(info.QuerySelector(".buy-links"));
    }

    [Fact]
    public async Task MarketplaceNotice_IsTranslated()
    {
        var slug = await QueryAsync(db => db.Products
            .Where(p => p.State == ProductState.Published && p.MarketplaceLinks.Any())
            .OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");

        var page = await client.GetPageAsync($"/produk/{slug}");

        Assert.Contains("you will go to", page.QuerySelector(".buy-links .buy-note")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProductSearchColumns.HalalValidUntil, "halal")]
    [InlineData(ProductSearchColumns.TkdnValidUntil, "tkdn")]
    [InlineData(ProductSearchColumns.PdnValidUntil, "pdn")]
    public async Task ProductCards_ShowTheMarksOfValidCertificates(string column, string mark)
    {
        var today = Wib.Today(TimeProvider.System);
        var (with, without) = await QueryAsync(async db =>
        {
            var verified = db.Products.Where(p => p.State == ProductState.Published && p.Ikm!.Verification == VerificationState.Verified);
            var a = await verified.Where(p => EF.Property<DateOnly?>(p, column) >= today)
                .OrderBy(p => p.Id).Select(p => new { p.Slug, Ikm = p.Ikm!.Slug }).FirstAsync();
            var b = await verified.Where(p => EF.Property<DateOnly?>(p, column) == null)
                .OrderBy(p => p.Id).Select(p => new { p.Slug, Ikm = p.Ikm!.Slug }).FirstAsync();
            return (a, b);
        });
        using var client = site.CreateClient();

        var marked = await CardAsync(client, with.Ikm, with.Slug);
        var unmarked = await CardAsync(client, without.Ikm, without.Slug);

        Assert.NotNull(marked.QuerySelector($".card-marks [data-mark={mark}]"));
        Assert.Null(unmarked.QuerySelector($".card-marks [data-mark={mark}]"));
    }

    /// The product's card on its maker's page.
    private static async Task<IElement> CardAsync(HttpClient client, string ikm, string product)
    {
        var page = await client.GetPageAsync($"/ikm/{ikm}");
        var link = page.QuerySelectorAll(".product-card h3 a").FirstOrDefault(a => a.GetAttribute("href") == $"/produk/{product}");
        Assert.True(link is not null, $"/ikm/{ikm} shows a card for {product}");
        return link.Closest(".product-card")!;
    }

    private static bool Comes(IParentNode page, IElement element, IElement before)
    {
        var all = page.QuerySelectorAll("*").ToList();
        return all.IndexOf(element) < all.IndexOf(before);
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
