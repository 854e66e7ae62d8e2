using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Security;

/// A NUL byte typed into a form (PostgreSQL refuses it in text) is refused before it is saved,
/// never a 500.
public sealed class FormInputAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Post_CommentWithANulByte_IsRefusedWithAMessage_NotA500()
    {
        var slug = await PortalData.ReadAsync(site, db => db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        using var client = site.CreateClient();
        var page = await client.GetPageAsync($"/berita/{slug}/komentar");

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Input.Name"] = "Nul\0", ["Input.Text"] = "Komentar\0dengan NUL" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Periksa kembali isian", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await PortalData.ReadAsync(site, db => db.Comments.AnyAsync(c => c.Text.StartsWith("Komentar"))));
    }

    [Fact]
    public async Task Post_ProductNameWithANulByte_IsRefusedWithAMessage_NotA500()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var page = await client.GetPageAsync($"/dasbor/produk/{productId}/ubah");

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Input.Name"] = "Kopi\0Gayo" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Periksa kembali isian", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain('\0', await PortalData.ReadAsync(site, db => db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleAsync()));
    }
}
