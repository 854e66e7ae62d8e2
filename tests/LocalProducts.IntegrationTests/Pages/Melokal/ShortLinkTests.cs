using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Melokal;

public sealed class ShortLinkTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<int> IssueAsync(int entryId)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IssueInfluencerLinksCommand>().RunAsync(entryId, CancellationToken.None);
    }

    private Task<List<InfluencerLink>> LinksAsync(int entryId) =>
        MelokalSignUpData.WithDbAsync(site, db => db.InfluencerLinks.AsNoTracking().Where(l => l.EntryId == entryId).ToListAsync());

    private Task<List<InfluencerLinkClickDay>> ClicksAsync(string code) =>
        MelokalSignUpData.WithDbAsync(site, db => db.InfluencerLinkClicks.AsNoTracking().Where(c => c.Code == code).ToListAsync());

    private async Task<(TestEntry Entry, List<TestProduct> Products, List<InfluencerLink> Links)> ApprovedWithLinksAsync()
    {
        var products = await MelokalSignUpData.PublishedProductsAsync(site, 3);
        var round = await MelokalSignUpData.CreateRoundAsync(site, promotedProductIds: [.. products.Select(p => p.Id)]);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);
        await IssueAsync(entry.Id);
        return (entry, products, await LinksAsync(entry.Id));
    }

    [Fact]
    public async Task IssueInfluencerLinks_GivesOneLinkPerProductAndMaker_AndTwiceAddsNothing()
    {
        var products = await MelokalSignUpData.PublishedProductsAsync(site, 3);
        var round = await MelokalSignUpData.CreateRoundAsync(site, promotedProductIds: [.. products.Select(p => p.Id)]);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);
        var makers = products.Select(p => p.IkmId).Distinct().Count();

        var first = await IssueAsync(entry.Id);
        var second = await IssueAsync(entry.Id);

        Assert.Equal(products.Count + makers, first);
        Assert.Equal(0, second);
        var links = await LinksAsync(entry.Id);
        Assert.Equal(products.Count + makers, links.Count);
        Assert.Equal(products.Select(p => p.Id).Order(), links.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Order());
        Assert.All(links, l => Assert.True(InfluencerLink.LooksLikeCode(l.Code)));
    }

    [Fact]
    public async Task IssueInfluencerLinks_ForAnEntryNotApproved_IssuesNone()
    {
        var products = await MelokalSignUpData.PublishedProductsAsync(site, 1);
        var round = await MelokalSignUpData.CreateRoundAsync(site, promotedProductIds: [products[0].Id]);
        using var client = site.CreateClient();
        var email = MelokalSignUpData.NewEmail("belum");
        await MelokalSignUpData.SignUpAsync(client, round, email, MelokalSignUpData.NewHandle());
        var entryId = await MelokalSignUpData.WithDbAsync(site, db => db.RoundEntries.Where(e => e.RoundId == round.Id).Select(e => e.Id).SingleAsync());

        Assert.Equal(0, await IssueAsync(entryId));
        Assert.Empty(await LinksAsync(entryId));
    }

    [Fact]
    public async Task IssueInfluencerLinks_ForARoundNamingNoProducts_UsesTheCampaignsFeaturedProducts()
    {
        var products = await MelokalSignUpData.PublishedProductsAsync(site, 2);
        var other = await MelokalSignUpData.CreateRoundAsync(site);
        var campaign = new { Id = other.CampaignId, Featured = products.Select(p => p.Id).ToList() };
        await MelokalSignUpData.WithDbAsync(site, async db =>
        {
            var tracked = await db.Campaigns.Include(c => c.FeaturedProducts).SingleAsync(c => c.Id == campaign.Id);
            var featured = await db.Products.Where(p => campaign.Featured.Contains(p.Id)).ToListAsync();
            tracked.SetFeatured([], featured, []);
            return await db.SaveChangesAsync();
        });
        var round = await MelokalSignUpData.CreateRoundAsync(site, campaignId: campaign.Id);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);

        await IssueAsync(entry.Id);

        Assert.Equal(campaign.Featured.Order(), (await LinksAsync(entry.Id)).Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Order());
    }

    [Fact]
    public async Task Get_ShortLink_RedirectsToTheProduct_AndCountsTheClickForToday()
    {
        var (_, products, links) = await ApprovedWithLinksAsync();
        var link = links.First(l => l.ProductId == products[0].Id);
        using var client = Accounts.ClientFrom(site.Factory, "203.0.113.10");

        var response = await client.GetAsync($"/m/{link.Code}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/produk/{products[0].Slug}", response.Headers.Location!.OriginalString);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var day = Assert.Single(await ClicksAsync(link.Code));
        Assert.Equal((Wib.Today(TimeProvider.System), 1), (day.Day, day.Clicks));
    }

    [Fact]
    public async Task Get_ShortLink_ToAMaker_RedirectsToTheMakersPage()
    {
        var (_, products, links) = await ApprovedWithLinksAsync();
        var link = links.First(l => l.IkmId == products[0].IkmId);
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/m/{link.Code}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/ikm/{products[0].IkmSlug}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_ShortLink_FromOneAddressManyTimes_CountsOnce_AnotherAddressCountsAgain()
    {
        var (_, products, links) = await ApprovedWithLinksAsync();
        var link = links.First(l => l.ProductId == products[0].Id);
        using var reader = Accounts.ClientFrom(site.Factory, "203.0.113.20");
        using var other = Accounts.ClientFrom(site.Factory, "203.0.113.21");

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await reader.GetAsync($"/m/{link.Code}")).StatusCode);
        }
        await other.GetAsync($"/m/{link.Code}");

        Assert.Equal(2, Assert.Single(await ClicksAsync(link.Code)).Clicks);
        var totals = await MelokalSignUpData.WithDbAsync(site, async db => await new InfluencerLinkClicksQuery(db).TotalsByEntryAsync(
            db.RoundEntries.Where(e => e.Id == link.EntryId).Select(e => e.RoundId).Single(), CancellationToken.None));
        Assert.Equal(2, totals[link.EntryId]);
    }

    [Fact]
    public async Task Get_ShortLink_WithAnUnknownCode_Is404WithAMessage()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/m/abcdefgh");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Tautan pendek ini tidak ada di Melokal", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ShortLink_WithAnUnknownCode_InEnglish_SaysSoInEnglish()
    {
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");

        var response = await client.GetAsync("/m/abcdefgh");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This short link does not exist", (await SiteFixture.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/m/x")]
    [InlineData("/m/ABCDEFGH")]
    [InlineData("/m/abcdefgh1")]
    [InlineData("/m/abc%27%3B--x")]
    [InlineData("/m/00000000")]
    [InlineData("/m/%F0%9F%98%80%F0%9F%98%80")]
    public async Task Get_ShortLink_WithJunk_IsA404NeverAnError(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path} answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Get_ShortLink_OfAProductNoLongerShown_GoesToItsMaker()
    {
        var (_, products, links) = await ApprovedWithLinksAsync();
        var link = links.First(l => l.ProductId == products[0].Id);
        await MelokalSignUpData.WithDbAsync(site, db => db.Products.Where(p => p.Id == products[0].Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.State, ProductState.Hidden)));
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/m/{link.Code}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/ikm/{products[0].IkmSlug}", response.Headers.Location!.OriginalString);
    }
}
