using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Tests;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Security;

/// What an owner adds to a listing goes where its text goes: an unverified IKM's change waits
/// for staff, photos and their alt text included.
public sealed class ModerationAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AddPhoto_ToAnUnverifiedIkmsApprovedListing_SendsItBackForReview_InsteadOfShowingThePhoto()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        var slug = await PortalData.ReadAsync(site, db => db.Products.Where(p => p.Id == productId).Select(p => p.Slug).SingleAsync());
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var page = await client.GetPageAsync($"/dasbor/produk/{productId}/foto");

        using var response = await client.SubmitAsync(page, "#tambah-foto", new Dictionary<string, string> { ["Input.AltText"] = "Teks alt yang belum ditinjau" },
            [new FormFile("Input.Photo", "baru.jpg", TestImages.Jpeg(900, 700), "image/jpeg")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProductState.PendingReview, await PortalData.ReadAsync(site, db => db.Products.Where(p => p.Id == productId).Select(p => p.State).SingleAsync()));
        using var shopper = site.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await shopper.GetAsync($"/produk/{slug}")).StatusCode);
    }

    [Fact]
    public async Task AddPhoto_ToAVerifiedIkmsListing_ShowsItAtOnce()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var page = await client.GetPageAsync($"/dasbor/produk/{productId}/foto");

        using var response = await client.SubmitAsync(page, "#tambah-foto", new Dictionary<string, string> { ["Input.AltText"] = "Kemasan" },
            [new FormFile("Input.Photo", "baru.jpg", TestImages.Jpeg(900, 700), "image/jpeg")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProductState.Published, await PortalData.ReadAsync(site, db => db.Products.Where(p => p.Id == productId).Select(p => p.State).SingleAsync()));
    }
}
