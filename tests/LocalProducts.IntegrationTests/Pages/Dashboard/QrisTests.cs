using System.Globalization;
using System.Net;
using LocalProducts.Tests;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Dashboard;

public sealed class QrisTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Note = "Bayar langsung ke pembuat dengan QRIS. Periksa nama merchant sebelum membayar.";

    private async Task<(TestOwner Owner, int IkmId, string Slug)> VerifiedMakerAsync()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var slug = await PortalData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId).Select(i => i.Slug).SingleAsync());
        return (owner, ikmId, slug);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string merchantName, string contentType = "image/png")
    {
        var page = await client.GetPageAsync("/dasbor/qris");
        return await client.SubmitAsync(page, "#qris-form", new Dictionary<string, string> { ["Input.MerchantName"] = merchantName },
            [new FormFile("Input.Image", fileName, bytes, contentType)]);
    }

    private Task<(Guid? ImageId, string? MerchantName)> QrisOfAsync(int ikmId) =>
        PortalData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId)
            .Select(i => new ValueTuple<Guid?, string?>(i.QrisImageId, i.QrisMerchantName)).SingleAsync());

    private Task<int> ImagesUploadedByAsync(TestOwner owner) =>
        PortalData.ReadAsync(site, db => db.StoredImages.CountAsync(i => i.CreatedBy == owner.Id));

    [Fact]
    public async Task Post_Qris_RealPng_ShowsOnMakerPageWithMerchantName()
    {
        var (owner, ikmId, slug) = await VerifiedMakerAsync();
        using var client = await PortalData.OwnerClientAsync(site, owner);
        // The maker page is cached before the upload: the change must evict it.
        var before = await client.GetPageAsync($"/ikm/{slug}");
        Assert.Null(before.QuerySelector("#qris"));

        using var response = await UploadAsync(client, TestImages.QrLikePng(600, 900), "Screenshot_20261205.png", "  KOPI UJI   SANGRAI ");

        await PortalData.AssertSavedAsync(response);
        Assert.Equal("/dasbor/qris", response.Headers.Location!.OriginalString);
        var (imageId, merchant) = await QrisOfAsync(ikmId);
        Assert.Equal("KOPI UJI SANGRAI", merchant);
        var stored = await PortalData.ReadAsync(site, db => db.StoredImages.SingleAsync(i => i.Id == imageId));
        Assert.Equal((ImagePurpose.Qris, 600, 900, owner.Id), (stored.Purpose, stored.Width, stored.Height, stored.CreatedBy!.Value));
        var dashboard = await client.GetPageAsync("/dasbor/qris");
        Assert.Contains("QRIS disimpan.", dashboard.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("KOPI UJI SANGRAI", dashboard.QuerySelector("#Input_MerchantName")!.GetAttribute("value"));

        using var anonymous = site.CreateClient();
        var page = await anonymous.GetPageAsync($"/ikm/{slug}");
        var section = page.QuerySelector("section.ikm-qris")!;
        Assert.Equal("Bayar dengan QRIS", section.QuerySelector("h2#qris")!.TextContent.Trim());
        Assert.Contains(Note, section.TextContent, StringComparison.Ordinal);
        Assert.Contains("KOPI UJI SANGRAI", section.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        var img = section.QuerySelector("img.qris-image")!;
        var id = imageId!.Value.ToString("N");
        Assert.Equal($"/media/{id}/320.webp 320w, /media/{id}/600.webp 600w", img.GetAttribute("srcset"));
        Assert.Equal(("600", "900"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Contains("KOPI UJI SANGRAI", img.GetAttribute("alt"), StringComparison.Ordinal);
        using var copy = await anonymous.GetAsync($"/media/{id}/600.webp");
        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);

        var audit = await PortalData.ReadAsync(site, db => db.AuditEntries
            .Where(e => e.EntityType == AuditEntityTypes.Ikm && e.EntityId == ikmId.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains(audit, e => e.ActorId == owner.Id && e.Changes!.Contains("KOPI UJI SANGRAI", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_Qris_NewImage_ReplacesAndDeletesThePreviousOne()
    {
        var (owner, ikmId, slug) = await VerifiedMakerAsync();
        using var client = await PortalData.OwnerClientAsync(site, owner);
        await PortalData.AssertSavedAsync(await UploadAsync(client, TestImages.QrLikePng(400, 400), "lama.png", "TOKO LAMA"));
        var (first, _) = await QrisOfAsync(ikmId);

        await PortalData.AssertSavedAsync(await UploadAsync(client, TestImages.QrLikePng(500, 500), "baru.png", "TOKO BARU"));
        // No image chosen: the image stays, only the name changes.
        var form = await client.GetPageAsync("/dasbor/qris");
        await PortalData.AssertSavedAsync(await client.SubmitAsync(form, "#qris-form", new Dictionary<string, string> { ["Input.MerchantName"] = "TOKO BARU JAYA" }));

        var (second, merchant) = await QrisOfAsync(ikmId);
        Assert.NotEqual(first, second);
        Assert.Equal("TOKO BARU JAYA", merchant);
        Assert.False(await PortalData.ReadAsync(site, db => db.StoredImages.AnyAsync(i => i.Id == first)));
        Assert.Equal(1, await ImagesUploadedByAsync(owner));
        var page = await client.GetPageAsync($"/ikm/{slug}");
        Assert.Contains("TOKO BARU JAYA", page.QuerySelector("section.ikm-qris figcaption")!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string> RefusedImages => ["teks.png", "raksasa.png"];

    [Theory]
    [MemberData(nameof(RefusedImages))]
    public async Task Post_Qris_NotAnImageOrTooManyPixels_IsRefusedWithMessage(string fileName)
    {
        var (bytes, message) = fileName switch
        {
            "teks.png" => (TestImages.ShellScript(), "Berkas ini bukan foto JPEG, PNG atau WebP."),
            _ => (TestImages.PngClaiming(20_000, 20_000), "Ukuran foto terlalu besar dalam piksel"),
        };
        var (owner, ikmId, _) = await VerifiedMakerAsync();
        using var client = await PortalData.OwnerClientAsync(site, owner);

        using var response = await UploadAsync(client, bytes, fileName, "TOKO UJI");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#Input_Image-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_Image")!.GetAttribute("aria-invalid"));
        Assert.Equal("TOKO UJI", page.QuerySelector("#Input_MerchantName")!.GetAttribute("value"));
        Assert.Equal((null, null), await QrisOfAsync(ikmId));
        Assert.Equal(0, await ImagesUploadedByAsync(owner));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Post_Qris_WithoutMerchantName_IsRefusedBeforeTheImageIsStored(string merchantName)
    {
        var (owner, ikmId, _) = await VerifiedMakerAsync();
        using var client = await PortalData.OwnerClientAsync(site, owner);

        using var response = await UploadAsync(client, TestImages.QrLikePng(400, 400), "qris.png", merchantName);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Isi nama merchant persis seperti tertulis pada QRIS.", page.QuerySelector("#err-merchant")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_MerchantName")!.GetAttribute("aria-invalid"));
        Assert.Equal((null, null), await QrisOfAsync(ikmId));
        Assert.Equal(0, await ImagesUploadedByAsync(owner));
    }

    [Fact]
    public async Task Post_Qris_TooLongMerchantName_IsRefused()
    {
        var (owner, ikmId, _) = await VerifiedMakerAsync();
        using var client = await PortalData.OwnerClientAsync(site, owner);

        using var response = await UploadAsync(client, TestImages.QrLikePng(400, 400), "qris.png", new string('A', Ikm.QrisMerchantNameMaxLength + 1));

        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Nama merchant paling panjang 100 karakter.", page.QuerySelector("#err-merchant")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((null, null), await QrisOfAsync(ikmId));
    }

    [Fact]
    public async Task Post_Qris_ForgedForAnotherOwnersIkm_ChangesOnlyTheSignedInOwnersOwn()
    {
        var (victim, victimIkm, _) = await VerifiedMakerAsync();
        using (var victimClient = await PortalData.OwnerClientAsync(site, victim))
        {
            await PortalData.AssertSavedAsync(await UploadAsync(victimClient, TestImages.QrLikePng(400, 400), "asli.png", "TOKO ASLI"));
        }
        var victimBefore = await QrisOfAsync(victimIkm);
        var victimVersion = await PortalData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == victimIkm).Select(i => i.Version).SingleAsync());
        var (attacker, attackerIkm, _) = await VerifiedMakerAsync();
        using var client = await PortalData.OwnerClientAsync(site, attacker);
        var forged = new Dictionary<string, string>
        {
            ["Input.MerchantName"] = "PENIPU",
            ["Input.Version"] = victimVersion.ToString(CultureInfo.InvariantCulture),
            ["IkmId"] = victimIkm.ToString(CultureInfo.InvariantCulture),
            ["Input.IkmId"] = victimIkm.ToString(CultureInfo.InvariantCulture),
        };

        // The attacker's own form, its token valid, pointed at the victim's IKM by every means a form has.
        var page = PortalData.Retarget(await client.GetPageAsync("/dasbor/qris"), "#qris-form", $"/dasbor/qris?id={victimIkm}&ikmId={victimIkm}");
        using var post = await client.SubmitAsync(page, "#qris-form", forged, [new FormFile("Input.Image", "penipu.png", TestImages.QrLikePng(400, 400), "image/png")]);
        var removePage = PortalData.Retarget(await client.GetPageAsync("/dasbor/qris"), "#qris-form", $"/dasbor/qris?handler=Remove&id={victimIkm}");
        using var remove = await client.SubmitAsync(removePage, "#qris-form", forged);

        Assert.Equal(victimBefore, await QrisOfAsync(victimIkm));
        // The version posted was the victim's, so the attacker's own IKM was not changed either.
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal((null, null), await QrisOfAsync(attackerIkm));

        // An owner with no IKM at all has nothing to change.
        var stranger = await PortalData.CreateOwnerAsync(site);
        using var strangerClient = await PortalData.OwnerClientAsync(site, stranger);
        using var strangerGet = await strangerClient.GetAsync("/dasbor/qris");
        Assert.Equal("/dasbor/usaha", strangerGet.Headers.Location?.OriginalString);
        Assert.Equal(victimBefore, await QrisOfAsync(victimIkm));
    }

    [Fact]
    public async Task Get_Qris_Anonymous_IsSentToLogIn()
    {
        var (_, ikmId, _) = await VerifiedMakerAsync();
        using var anonymous = site.CreateClient();

        using var response = await anonymous.GetAsync("/dasbor/qris");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/akun/masuk", response.Headers.Location!.AbsolutePath);
        Assert.Equal((null, null), await QrisOfAsync(ikmId));
    }

    [Fact]
    public async Task Post_Qris_WithoutAntiforgeryToken_IsRefused()
    {
        var (owner, ikmId, _) = await VerifiedMakerAsync();
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var version = await PortalData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId).Select(i => i.Version).SingleAsync());
        using var content = new MultipartFormDataContent
        {
            { new StringContent("TOKO UJI"), "Input.MerchantName" },
            { new StringContent(version.ToString(CultureInfo.InvariantCulture)), "Input.Version" },
        };
        var file = new ByteArrayContent(TestImages.QrLikePng(400, 400));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(file, "Input.Image", "qris.png");

        using var response = await client.PostAsync("/dasbor/qris", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((null, null), await QrisOfAsync(ikmId));
        Assert.Equal(0, await ImagesUploadedByAsync(owner));
    }

    [Fact]
    public async Task Post_RemoveQris_DeletesTheImage_AndTheMakerPageNoLongerShowsIt()
    {
        var (owner, ikmId, slug) = await VerifiedMakerAsync();
        using var client = await PortalData.OwnerClientAsync(site, owner);
        await PortalData.AssertSavedAsync(await UploadAsync(client, TestImages.QrLikePng(400, 400), "qris.png", "TOKO UJI"));
        var (imageId, _) = await QrisOfAsync(ikmId);
        Assert.NotNull((await client.GetPageAsync($"/ikm/{slug}")).QuerySelector("section.ikm-qris"));

        var dashboard = await client.GetPageAsync("/dasbor/qris");
        using var response = await client.SubmitAsync(dashboard, "#hapus-qris");

        await PortalData.AssertSavedAsync(response);
        Assert.Equal((null, null), await QrisOfAsync(ikmId));
        Assert.False(await PortalData.ReadAsync(site, db => db.StoredImages.AnyAsync(i => i.Id == imageId)));
        var page = await client.GetPageAsync($"/ikm/{slug}");
        Assert.Null(page.QuerySelector("section.ikm-qris"));
        Assert.DoesNotContain(Note, page.Body!.TextContent, StringComparison.Ordinal);
        var after = await client.GetPageAsync("/dasbor/qris");
        Assert.Contains("QRIS dihapus.", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("#hapus-qris"));
    }

    [Fact]
    public async Task Post_Qris_AfterAnotherSaveOfTheIkm_ShowsConflictAndChangesNothing()
    {
        var (owner, ikmId, _) = await VerifiedMakerAsync();
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var form = await client.GetPageAsync("/dasbor/qris");
        // Saved meanwhile from another tab: the row's xmin moves on.
        await PortalData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Sentra, "Sentra Kopi Uji")));

        using var response = await client.SubmitAsync(form, "#qris-form", new Dictionary<string, string> { ["Input.MerchantName"] = "TOKO UJI" },
            [new FormFile("Input.Image", "qris.png", TestImages.QrLikePng(400, 400), "image/png")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("QRIS belum disimpan", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((null, null), await QrisOfAsync(ikmId));
        Assert.Equal(0, await ImagesUploadedByAsync(owner));
        // The form now carries the saved version: saving again goes through.
        await PortalData.AssertSavedAsync(await client.SubmitAsync(page, "#qris-form", new Dictionary<string, string> { ["Input.MerchantName"] = "TOKO UJI" },
            [new FormFile("Input.Image", "qris.png", TestImages.QrLikePng(400, 400), "image/png")]));
        Assert.Equal("TOKO UJI", (await QrisOfAsync(ikmId)).MerchantName);
    }
}
