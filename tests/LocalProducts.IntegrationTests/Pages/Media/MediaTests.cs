using System.Net;
using LocalProducts.Tests;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Images;
using LocalProducts.Web.Pages.Dashboard.Photos;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Media;

public sealed class MediaTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string KopiOwner = "pemilik.kopi@melokal.test";
    private const string BusanaOwner = "pemilik.busana@melokal.test";

    [Fact]
    public async Task Get_Media_StoredImage_StreamsBytesWithImmutableCachingHeaders()
    {
        var saved = await StoreAsync(TestImages.Jpeg(1000, 750), ImagePurpose.ProductPhoto);
        byte[] stored;
        using (var db = site.CreateDbContext(out var scope))
        using (scope)
        {
            stored = await db.StoredImageVariants.Where(v => v.ImageId == saved.Id && v.Format == ImageVariantFormat.Webp && v.Width == 640)
                .Select(v => v.Bytes).SingleAsync();
        }
        using var client = site.CreateClient();

        using var response = await client.GetAsync($"/media/{saved.Id:N}/640.webp");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(stored, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(stored.Length, response.Content.Headers.ContentLength);
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromDays(365), cacheControl.MaxAge);
        Assert.Contains(cacheControl.Extensions, e => e.Name == "immutable");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(response.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/media/{saved.Id:N}/640.webp");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        using var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Get_Media_JpegCopy_IsServedAsJpeg()
    {
        var saved = await StoreAsync(TestImages.Png(1600, 1200), ImagePurpose.ProductPhoto);
        using var client = site.CreateClient();

        using var response = await client.GetAsync($"/media/{saved.Id:N}/1200.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
    }

    [Theory]
    [InlineData("/media/{0}/333.webp")]
    [InlineData("/media/{0}/640.jpg")]
    [InlineData("/media/00000000000000000000000000000001/640.webp")]
    public async Task Get_Media_UnknownIdOrWidth_ReturnsNotFound(string template)
    {
        var saved = await StoreAsync(TestImages.Jpeg(800, 600), ImagePurpose.ProductPhoto);
        using var client = site.CreateClient();

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, saved.Id.ToString("N")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ProductWithPhoto_RendersSrcsetOnPageAndCard_AndJpegOgImage()
    {
        var (productId, slug) = await ProductOfAsync("batur-sangrai-kintamani", "kopi-arabika-kintamani-natural-200g-batur");
        var ownerId = await UserIdAsync(KopiOwner);
        ImageChange change;
        using (var scope = site.Factory.Services.CreateScope())
        {
            var command = scope.ServiceProvider.GetRequiredService<ProductPhotoCommand>();
            change = await command.AddAsync(productId, ownerId, File(TestImages.Jpeg(2000, 1500), "kopi.jpg"), "Kemasan kopi tampak depan", CancellationToken.None);
        }
        Assert.Equal(ImageChangeStatus.Done, change.Status);
        var id = change.ImageId!.Value.ToString("N");
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/produk/{slug}");

        var photo = page.QuerySelector(".product-media img")!;
        Assert.Equal($"/media/{id}/640.webp", photo.GetAttribute("src"));
        Assert.Equal($"/media/{id}/160.webp 160w, /media/{id}/320.webp 320w, /media/{id}/640.webp 640w, /media/{id}/960.webp 960w", photo.GetAttribute("srcset"));
        Assert.False(string.IsNullOrEmpty(photo.GetAttribute("sizes")));
        Assert.Equal(("2000", "1500"), (photo.GetAttribute("width"), photo.GetAttribute("height")));
        Assert.Equal("Kemasan kopi tampak depan", photo.GetAttribute("alt"));
        Assert.Equal(("eager", "high"), (photo.GetAttribute("loading"), photo.GetAttribute("fetchpriority")));
        var ogImage = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.EndsWith($"/media/{id}/1200.jpg", ogImage, StringComparison.Ordinal);
        Assert.StartsWith("http", ogImage, StringComparison.Ordinal);
        Assert.Equal("900", page.QuerySelector("meta[property='og:image:height']")?.GetAttribute("content"));
        Assert.Contains($"/media/{id}/1200.jpg", page.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
        using (var og = await client.GetAsync(new Uri(ogImage).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, og.StatusCode);
        }

        var profile = await client.GetPageAsync("/ikm/batur-sangrai-kintamani");
        var card = profile.QuerySelectorAll(".product-card").Single(c => c.QuerySelector($"a[href='/produk/{slug}']") is not null);
        var cardImage = card.QuerySelector("img")!;
        Assert.StartsWith($"/media/{id}/160.webp 160w", cardImage.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.DoesNotContain("960w", cardImage.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Equal("lazy", cardImage.GetAttribute("loading"));
        Assert.Null(cardImage.GetAttribute("fetchpriority"));
        // A product without a photo shows a drawing of its kind.
        Assert.Contains(profile.QuerySelectorAll(".product-card img"), img => img.GetAttribute("src")!.StartsWith("/img/ilustrasi/", StringComparison.Ordinal));

        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/produk?q=kintamani%20natural"));
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == slug);
        Assert.EndsWith($"/media/{id}/1200.jpg", item.GetProperty("image").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Photos_ValidJpeg_AddsPhoto_AndRemoveDeletesStoredImage()
    {
        var (productId, slug) = await ProductOfAsync("batur-sangrai-kintamani", "kopi-arabika-kintamani-full-wash-200g-batur");
        using var client = site.CreateClient();
        await client.LogInAsync(KopiOwner, "Pemilik-Kopi-2026");
        var page = await client.GetPageAsync($"/dasbor/produk/{productId}/foto");

        using var response = await client.SubmitAsync(page, "#tambah-foto", new Dictionary<string, string> { ["Input.AltText"] = "Biji kopi di tangan" },
            [new FormFile("Input.Photo", "IMG_0001.JPG", TestImages.WithExif(TestImages.Jpeg(1200, 900), 1), "image/jpeg")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Guid imageId;
        using (var db = site.CreateDbContext(out var scope))
        using (scope)
        {
            var photo = await db.ProductImages.Include(i => i.Image).SingleAsync(i => i.ProductId == productId);
            imageId = photo.ImageId;
            Assert.Equal("Biji kopi di tangan", photo.AltText);
            Assert.Equal((1200, 900), (photo.Image!.Width, photo.Image.Height));
            Assert.Equal(await UserIdAsync(KopiOwner), photo.Image.CreatedBy);
            var copies = await db.StoredImageVariants.Where(v => v.ImageId == imageId).Select(v => v.Bytes).ToListAsync();
            Assert.Equal(6, copies.Count);
            Assert.All(copies, bytes => Assert.False(TestImages.Contains(bytes, "Exif"u8) || TestImages.Contains(bytes, "RAHASIA"u8), "a copy kept the EXIF block"));
        }
        var product = await client.GetPageAsync($"/produk/{slug}");
        Assert.Contains($"/media/{imageId:N}/", product.QuerySelector(".product-media img")!.GetAttribute("src"), StringComparison.Ordinal);

        var photos = await client.GetPageAsync($"/dasbor/produk/{productId}/foto?hasil=ditambah");
        Assert.Contains("Foto ditambahkan.", photos.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        using var removed = await client.SubmitAsync(photos, ".photo-list form");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        using (var db = site.CreateDbContext(out var scope))
        using (scope)
        {
            Assert.False(await db.StoredImages.AnyAsync(i => i.Id == imageId));
            Assert.False(await db.StoredImageVariants.AnyAsync(v => v.ImageId == imageId));
            Assert.False(await db.ProductImages.AnyAsync(i => i.ProductId == productId));
        }
        using var gone = await client.GetAsync($"/media/{imageId:N}/640.webp");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var after = await client.GetPageAsync($"/produk/{slug}");
        Assert.StartsWith("/img/ilustrasi/", after.QuerySelector(".product-media img")!.GetAttribute("src"), StringComparison.Ordinal);
    }

    // The theory names each file and makes its bytes in the test: xunit serialises theory data
    // into every discovered test case, and the 6 MB file alone took over a minute of each run.
    public static TheoryData<string, string> RefusedUploads => new()
    {
        { "skrip.jpg", "Berkas ini bukan foto JPEG, PNG atau WebP." },
        { "animasi.gif", "Berkas ini bukan foto JPEG, PNG atau WebP." },
        { "kecil.jpg", "Foto terlalu kecil: sisi terpendeknya harus paling sedikit 200 piksel." },
        { "terpotong.jpg", "Foto tidak dapat dibaca" },
        { "besar.jpg", "Berkas terlalu besar. Ukuran foto paling besar 5 MB." },
    };

    private static byte[] RefusedUpload(string fileName) => fileName switch
    {
        "skrip.jpg" => TestImages.ShellScript(),
        "animasi.gif" => TestImages.Gif(),
        "kecil.jpg" => TestImages.Jpeg(150, 150),
        "terpotong.jpg" => TestImages.Jpeg(800, 600)[..2000],
        // 6,000,000 bytes: within the request limit, so the page answers with its fields kept.
        "besar.jpg" => [.. TestImages.Jpeg(800, 600), .. new byte[6_000_000 - TestImages.Jpeg(800, 600).Length]],
        _ => throw new ArgumentOutOfRangeException(nameof(fileName), fileName, "No such refused upload."),
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task Post_Photos_BadFile_ShowsIndonesianMessageNextToField(string fileName, string message)
    {
        var content = RefusedUpload(fileName);
        var (productId, _) = await ProductOfAsync("batur-sangrai-kintamani", "biji-kopi-sangrai-kintamani-1kg-kafe-batur");
        using var client = site.CreateClient();
        await client.LogInAsync(KopiOwner, "Pemilik-Kopi-2026");
        var page = await client.GetPageAsync($"/dasbor/produk/{productId}/foto");

        using var response = await client.SubmitAsync(page, "#tambah-foto", new Dictionary<string, string> { ["Input.AltText"] = "Teks yang tetap ada" },
            [new FormFile("Input.Photo", fileName, content, "image/jpeg")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await SiteFixture.ParseAsync(response);
        Assert.Contains(message, result.QuerySelector("#Input_Photo-error")!.TextContent, StringComparison.Ordinal);
        var input = result.QuerySelector("#Input_Photo")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("Input_Photo-error", input.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Teks yang tetap ada", result.QuerySelector("#Input_AltText")!.GetAttribute("value"));
        using var db = site.CreateDbContext(out var scope);
        using (scope)
        {
            Assert.False(await db.ProductImages.AnyAsync(i => i.ProductId == productId));
        }
    }

    [Fact]
    public async Task Post_Photos_RequestOverLimit_RedirectsToPageWithTooLargeMessage()
    {
        var (productId, _) = await ProductOfAsync("batur-sangrai-kintamani", "biji-kopi-sangrai-kintamani-1kg-kafe-batur");
        using var client = site.CreateClient();
        await client.LogInAsync(KopiOwner, "Pemilik-Kopi-2026");
        var page = await client.GetPageAsync($"/dasbor/produk/{productId}/foto");

        using var response = await client.SubmitAsync(page, "#tambah-foto", null,
            [new FormFile("Input.Photo", "sangat-besar.jpg", new byte[7_500_000], "image/jpeg")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"/dasbor/produk/{productId}/foto?unggah=terlalu-besar", location);
        var shown = await client.GetPageAsync(location);
        Assert.Contains("Berkas terlalu besar. Ukuran foto paling besar 5 MB.", shown.QuerySelector("#Input_Photo-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Photos_OtherOwnersProduct_ReturnsForbidden()
    {
        var (kopiProduct, _) = await ProductOfAsync("batur-sangrai-kintamani", "kopi-drip-bag-kintamani-isi-10-batur");
        var (ownProduct, _) = await ProductOfAsync("sulapa-appa-busana-muslim", "pashmina-voal-motif-sulapa");
        using var client = site.CreateClient();
        await client.LogInAsync(BusanaOwner, "Pemilik-Busana-2026");

        using var get = await client.GetAsync($"/dasbor/produk/{kopiProduct}/foto");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);

        // The owner's own form, its token valid, posted to the other IKM's product.
        var page = await client.GetPageAsync($"/dasbor/produk/{ownProduct}/foto");
        page.QuerySelector("#tambah-foto")!.SetAttribute("action", $"/dasbor/produk/{kopiProduct}/foto");
        using var post = await client.SubmitAsync(page, "#tambah-foto", null, [new FormFile("Input.Photo", "foto.jpg", TestImages.Jpeg(800, 600), "image/jpeg")]);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        using var db = site.CreateDbContext(out var scope);
        using (scope)
        {
            Assert.False(await db.ProductImages.AnyAsync(i => i.ProductId == kopiProduct));
            Assert.False(await db.StoredImages.AnyAsync(i => i.CreatedBy == db.Users.Single(u => u.Email == BusanaOwner).Id));
        }
    }

    [Fact]
    public async Task Post_RemovePhoto_OtherOwnersPhoto_ReturnsForbiddenAndKeepsIt()
    {
        var (kopiProduct, _) = await ProductOfAsync("batur-sangrai-kintamani", "teh-cascara-kulit-kopi-kintamani-100g-batur");
        var (ownProduct, _) = await ProductOfAsync("sulapa-appa-busana-muslim", "baju-koko-katun-bordir-sulapa");
        ImageChange added;
        using (var scope = site.Factory.Services.CreateScope())
        {
            added = await scope.ServiceProvider.GetRequiredService<ProductPhotoCommand>()
                .AddAsync(kopiProduct, await UserIdAsync(KopiOwner), File(TestImages.Jpeg(800, 600), "teh.jpg"), null, CancellationToken.None);
        }
        using var client = site.CreateClient();
        await client.LogInAsync(BusanaOwner, "Pemilik-Busana-2026");
        var page = await client.GetPageAsync($"/dasbor/produk/{ownProduct}/foto");

        page.QuerySelector("#tambah-foto")!.SetAttribute("action", $"/dasbor/produk/{kopiProduct}/foto?handler=Remove");
        using var post = await client.SubmitAsync(page, "#tambah-foto", new Dictionary<string, string> { ["imageId"] = added.ImageId!.Value.ToString() });

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        using var db = site.CreateDbContext(out var dbScope);
        using (dbScope)
        {
            Assert.True(await db.ProductImages.AnyAsync(i => i.ImageId == added.ImageId));
        }
    }

    [Fact]
    public async Task ReplaceLogo_ShowsOnProfileAndDirectory_AndDeletesThePreviousLogo()
    {
        var ownerId = await UserIdAsync(BusanaOwner);
        int ikmId;
        using (var db = site.CreateDbContext(out var scope))
        using (scope)
        {
            ikmId = await db.Ikms.Where(i => i.Slug == "sulapa-appa-busana-muslim").Select(i => i.Id).SingleAsync();
        }
        ImageChange first, second, forbidden;
        using (var scope = site.Factory.Services.CreateScope())
        {
            var command = scope.ServiceProvider.GetRequiredService<IkmLogoCommand>();
            first = await command.ReplaceAsync(ikmId, ownerId, File(TestImages.Png(400, 400), "logo.png"), CancellationToken.None);
            second = await command.ReplaceAsync(ikmId, ownerId, File(TestImages.Png(500, 500), "logo-baru.png"), CancellationToken.None);
            forbidden = await command.ReplaceAsync(ikmId, await UserIdAsync(KopiOwner), File(TestImages.Png(500, 500), "bukan.png"), CancellationToken.None);
        }

        Assert.Equal((ImageChangeStatus.Done, ImageChangeStatus.Done, ImageChangeStatus.Forbidden), (first.Status, second.Status, forbidden.Status));
        using (var db = site.CreateDbContext(out var scope))
        using (scope)
        {
            Assert.False(await db.StoredImages.AnyAsync(i => i.Id == first.ImageId));
            Assert.Equal(second.ImageId, await db.Ikms.Where(i => i.Id == ikmId).Select(i => i.LogoImageId).SingleAsync());
        }
        var id = second.ImageId!.Value.ToString("N");
        using var client = site.CreateClient();
        var profile = await client.GetPageAsync("/ikm/sulapa-appa-busana-muslim");
        var logo = profile.QuerySelector("img.ikm-logo")!;
        Assert.Equal($"/media/{id}/96.webp 96w, /media/{id}/192.webp 192w, /media/{id}/384.webp 384w", logo.GetAttribute("srcset"));
        Assert.Equal("Logo Sulapa Appa Busana Muslim", logo.GetAttribute("alt"));
        Assert.EndsWith($"/media/{id}/500.jpg", profile.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        var directory = await client.GetPageAsync("/ikm?q=Sulapa");
        Assert.Contains($"/media/{id}/", directory.QuerySelector(".maker-list img.maker-logo")!.GetAttribute("src"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepOrphans_DeletesOldUnreferencedImagesOnly()
    {
        var orphan = await StoreAsync(TestImages.Jpeg(800, 600), ImagePurpose.ProductPhoto);
        var (productId, _) = await ProductOfAsync("sulapa-appa-busana-muslim", "mukena-katun-jepang-bordir-sulapa");
        ImageChange used;
        using (var scope = site.Factory.Services.CreateScope())
        {
            used = await scope.ServiceProvider.GetRequiredService<ProductPhotoCommand>()
                .AddAsync(productId, await UserIdAsync(BusanaOwner), File(TestImages.Jpeg(800, 600), "mukena.jpg"), null, CancellationToken.None);
        }

        using var db = site.CreateDbContext(out var dbScope);
        using (dbScope)
        {
            await OrphanImageSweeper.SweepAsync(db, DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None);
            Assert.True(await db.StoredImages.AnyAsync(i => i.Id == orphan.Id), "An image stored a moment ago may still be on its way to a form.");

            await OrphanImageSweeper.SweepAsync(db, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

            Assert.False(await db.StoredImages.AnyAsync(i => i.Id == orphan.Id));
            Assert.True(await db.StoredImages.AnyAsync(i => i.Id == used.ImageId));
        }
    }

    private async Task<SavedImage> StoreAsync(byte[] bytes, ImagePurpose purpose)
    {
        using var scope = site.Factory.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ImageStore>().SaveAsync(new MemoryStream(bytes), purpose, null, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Failure?.Problem.ToString());
        return outcome.Value;
    }

    private async Task<(int Id, string Slug)> ProductOfAsync(string ikmSlug, string productSlug)
    {
        using var db = site.CreateDbContext(out var scope);
        using (scope)
        {
            var id = await db.Products.Where(p => p.Slug == productSlug && p.Ikm!.Slug == ikmSlug).Select(p => p.Id).SingleAsync();
            return (id, productSlug);
        }
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        using var db = site.CreateDbContext(out var scope);
        using (scope)
        {
            return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }
    }

    /// A posted file as a page model receives it, for calling the commands directly.
    private static Microsoft.AspNetCore.Http.FormFile File(byte[] bytes, string name) =>
        new(new MemoryStream(bytes), 0, bytes.Length, "file", name) { Headers = new HeaderDictionary(), ContentType = "image/jpeg" };
}
