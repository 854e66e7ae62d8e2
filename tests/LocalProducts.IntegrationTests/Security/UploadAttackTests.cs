using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Tests;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Security;

/// Uploads that would cost the site memory or CPU, or slip a damaged file through.
public sealed class UploadAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<(HttpClient Client, int ProductId)> OwnerWithProductAsync(WebApplicationFactory<Program>? instance = null)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        var client = instance is null ? site.CreateClient() : Accounts.ClientFrom(instance, "198.51.100.210");
        await client.LogInAsync(owner.Email, PortalData.OwnerPassword);
        return (client, productId);
    }

    private static async Task<(HttpResponseMessage Response, string Errors)> UploadAsync(HttpClient client, int productId, string fileName, byte[] content)
    {
        var page = await client.GetPageAsync($"/dasbor/produk/{productId}/foto");
        var response = await client.SubmitAsync(page, "#tambah-foto", new Dictionary<string, string> { ["Input.AltText"] = "Foto uji" },
            [new FormFile("Input.Photo", fileName, content, fileName.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg")]);
        var errors = response.StatusCode == HttpStatusCode.Redirect ? "" : PortalData.Errors(await SiteFixture.ParseAsync(response));
        return (response, errors);
    }

    private Task<int> PhotoCountAsync(int productId) => PortalData.ReadAsync(site, db => db.ProductImages.CountAsync(i => i.ProductId == productId));

    [Fact]
    public async Task Upload_APngOf115KbClaiming9000x4400Pixels_IsRefusedBeforeDecoding()
    {
        var (client, productId) = await OwnerWithProductAsync();

        var (response, errors) = await UploadAsync(client, productId, "bom.png", TestImages.PngClaiming(9000, 4400));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("24 megapiksel", errors, StringComparison.Ordinal);
        Assert.Equal(0, await PhotoCountAsync(productId));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public async Task Upload_AJpegCutShort_IsRefusedAsDamaged(double kept)
    {
        var (client, productId) = await OwnerWithProductAsync();
        var whole = TestImages.Jpeg(2400, 1800);

        var (response, errors) = await UploadAsync(client, productId, "terpotong.jpg", whole[..(int)(whole.Length * kept)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("rusak atau terpotong", errors, StringComparison.Ordinal);
        Assert.Equal(0, await PhotoCountAsync(productId));
    }

    [Fact]
    public async Task Upload_ManyPhotosInAnHour_IsRefusedPastThePersonsLimit()
    {
        await using var limited = site.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:Enabled", "true");
            builder.UseSetting("RateLimits:Rules:uploads:PermitLimit", "2");
            builder.UseSetting("RateLimits:Rules:uploads:Window", "01:00:00");
        });
        var (client, productId) = await OwnerWithProductAsync(limited);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, productId, "satu.jpg", TestImages.Jpeg(800, 600))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, productId, "dua.jpg", TestImages.Jpeg(800, 600))).Response.StatusCode);
        var (third, errors) = await UploadAsync(client, productId, "tiga.jpg", TestImages.Jpeg(800, 600));

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Contains("Terlalu banyak foto diunggah", errors, StringComparison.Ordinal);
        Assert.Equal(2, await PhotoCountAsync(productId));
    }
}
