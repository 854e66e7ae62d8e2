using System.Globalization;
using System.Net;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Dashboard;

public sealed class ProductTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// Staff log-in in one place: when staff need a second factor, only this line changes.
    private static Task LogInAsStaffAsync(HttpClient client) => client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);

    private static Dictionary<string, string> NewProduct(string name, int categoryId) => new()
    {
        ["Input.Name"] = name,
        ["Input.CategoryId"] = Key(categoryId),
        ["Input.Description"] = "Kopi arabika sangrai sedang dari kebun keluarga di lereng gunung, dikemas dalam kantong berkatup satu arah agar aromanya terjaga.",
        ["Input.PriceMin"] = "25.000",
        ["Input.PriceMax"] = "40000",
        ["Input.Unit"] = "bungkus",
        ["Input.MinOrder"] = "2",
        // Certificates by kind, in the form's order: TKDN, Halal, SNI, PIRT, BPOM MD, BPOM ML.
        ["Input.Certifications[0].Number"] = "TKDN-UJI-001",
        ["Input.Certifications[0].IssuedOn"] = "2025-03-01",
        ["Input.Certifications[0].ExpiresOn"] = "2028-03-01",
        ["Input.Certifications[0].TkdnPercent"] = "45,5",
        ["Input.Certifications[0].BmpPercent"] = "10.25",
        ["Input.Certifications[1].Number"] = "ID-HALAL-UJI",
        // Marketplaces in the form's order: Tokopedia, Shopee, Bukalapak, Blibli, Lazada, TikTok Shop.
        ["Input.Links[0].Url"] = "https://www.tokopedia.com/uji/kopi",
        ["Input.Links[1].Url"] = "https://shopee.co.id/kopi-uji-i.1.2",
    };

    private async Task<int> KopiAsync() => await PortalData.ReadAsync(site, db => db.Categories.Where(c => c.Slug == "kopi").Select(c => c.Id).SingleAsync());

    private async Task<(TestOwner Owner, int IkmId, HttpClient Client)> OwnerWithIkmAsync(VerificationState state)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, state);
        return (owner, ikmId, await PortalData.OwnerClientAsync(site, owner));
    }

    private async Task<Product> ProductAsync(int id) => await PortalData.ReadAsync(site, db => db.Products.AsNoTracking()
        .Include(p => p.Certifications).Include(p => p.MarketplaceLinks).AsSplitQuery().SingleAsync(p => p.Id == id));

    /// The names of the product cards a shopper finds for a word.
    private static async Task<string> SearchAsync(HttpClient client, string word) =>
        string.Join(" | ", (await client.GetPageAsync($"/produk?q={word}")).QuerySelectorAll(".product-card h3").Select(h => h.TextContent));

    [Fact]
    public async Task Post_NewProduct_VerifiedOwner_PublishesAtOnce_AndAppearsInSearch()
    {
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var word = PortalData.NewWord();
        using var shopper = site.CreateClient();
        Assert.DoesNotContain(word, await SearchAsync(shopper, word), StringComparison.Ordinal);

        var response = await client.SubmitAsync(await client.GetPageAsync("/dasbor/produk/baru"), "main form", NewProduct($"Kopi {word} Kintamani", await KopiAsync()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var product = await PortalData.ReadAsync(site, db => db.Products.AsNoTracking().Include(p => p.Certifications).Include(p => p.MarketplaceLinks)
            .SingleAsync(p => p.IkmId == ikmId));
        Assert.Equal(ProductState.Published, product.State);
        Assert.Equal(25_000, product.PriceMin);
        Assert.Equal(40_000, product.PriceMax);
        Assert.Equal(2, product.MinOrder);
        Assert.StartsWith($"kopi-{word}-kintamani", product.Slug, StringComparison.Ordinal);
        var tkdn = Assert.Single(product.Certifications, c => c.Kind == CertificationKind.Tkdn);
        Assert.Equal(45.5m, tkdn.TkdnPercent);
        Assert.Equal(10.25m, tkdn.BmpPercent);
        Assert.Equal(new DateOnly(2028, 3, 1), tkdn.ExpiresOn);
        Assert.Equal(2, product.Certifications.Count);
        Assert.Equal([Marketplace.Tokopedia, Marketplace.Shopee], product.MarketplaceLinks.Select(l => l.Platform).Order());
        // The catalogue's cache was evicted: shoppers find it now.
        Assert.Contains(word, await SearchAsync(shopper, word), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await shopper.GetAsync($"/produk/{product.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Post_NewProduct_UnverifiedOwner_WaitsForReview_AndAppearsOnlyAfterStaffApprove()
    {
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Pending);
        using var _ = client;
        var word = PortalData.NewWord();

        await client.SubmitAsync(await client.GetPageAsync("/dasbor/produk/baru"), "main form", NewProduct($"Kopi {word}", await KopiAsync()));

        var product = await PortalData.ReadAsync(site, db => db.Products.AsNoTracking().SingleAsync(p => p.IkmId == ikmId));
        Assert.Equal(ProductState.PendingReview, product.State);
        using var shopper = site.CreateClient();
        Assert.DoesNotContain(word, await SearchAsync(shopper, word), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await shopper.GetAsync($"/produk/{product.Slug}")).StatusCode);
        Assert.Contains("Menunggu tinjauan", (await client.GetPageAsync("/dasbor")).Body!.TextContent, StringComparison.Ordinal);

        using var staff = site.CreateClient();
        await LogInAsStaffAsync(staff);
        var queue = await staff.GetPageAsync("/admin/moderasi");
        Assert.NotNull(queue.QuerySelector($"tr[data-product='{product.Id}']"));
        var review = await staff.GetPageAsync($"/admin/produk/{product.Id}");
        var approved = await staff.SubmitAsync(review, "form[data-action='approve']");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ProductState.Published, (await ProductAsync(product.Id)).State);
        Assert.Contains(word, await SearchAsync(shopper, word), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewProduct_SwappedPrices_SaysSo_AndSavesNothing()
    {
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var values = NewProduct("Kopi Harga Tertukar", await KopiAsync());
        values["Input.PriceMin"] = "40.000";
        values["Input.PriceMax"] = "25.000";

        var response = await client.SubmitAsync(await client.GetPageAsync("/dasbor/produk/baru"), "main form", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Harga tertinggi lebih rendah dari harga terendah", PortalData.Errors(page), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_PriceMax")?.GetAttribute("aria-invalid"));
        Assert.Equal("40.000", page.QuerySelector("#Input_PriceMin")?.GetAttribute("value"));
        Assert.False(await PortalData.ReadAsync(site, db => db.Products.AnyAsync(p => p.IkmId == ikmId)));
    }

    [Theory]
    [InlineData("Input.PriceMin", "25,5", "Tulis harga dalam rupiah tanpa desimal")]
    [InlineData("Input.PriceMin", "0", "Harga harus lebih dari Rp 0")]
    [InlineData("Input.CategoryId", "999999", "Pilih kategori dari daftar")]
    [InlineData("Input.MinOrder", "0", "Minimal pembelian harus antara 1 dan 1000000")]
    [InlineData("Input.Certifications[0].TkdnPercent", "150", "Isi nilai TKDN antara 0 dan 100 persen")]
    [InlineData("Input.Certifications[0].ExpiresOn", "2020-01-01", "lebih awal dari tanggal terbitnya")]
    [InlineData("Input.Certifications[2].IssuedOn", "2025-01-01", "Isi nomor sertifikat SNI")]
    public async Task Post_NewProduct_BadField_ShowsItsMessage_AndSavesNothing(string field, string value, string message)
    {
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var values = NewProduct("Kopi Isian Salah", await KopiAsync());
        values[field] = value;

        var response = await client.SubmitAsync(await client.GetPageAsync("/dasbor/produk/baru"), "main form", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, PortalData.Errors(await SiteFixture.ParseAsync(response)), StringComparison.Ordinal);
        Assert.False(await PortalData.ReadAsync(site, db => db.Products.AnyAsync(p => p.IkmId == ikmId)));
    }

    [Fact]
    public async Task Post_NewProduct_NonMarketplaceAndScriptLinks_AreRefusedWithAMessageEach()
    {
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var values = NewProduct("Kopi Tautan Nakal", await KopiAsync());
        values["Input.Links[0].Url"] = "javascript:alert(1)";
        values["Input.Links[1].Url"] = "http://shopee.co.id/kopi";
        values["Input.Links[2].Url"] = "https://bukalapak.com.evil.example/kopi";
        values["Input.Links[4].Url"] = "https://www.tokopedia.com/uji/kopi";

        var response = await client.SubmitAsync(await client.GetPageAsync("/dasbor/produk/baru"), "main form", values);

        var page = await SiteFixture.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var (index, platform) in new[] { (0, "Tokopedia"), (1, "Shopee"), (2, "Bukalapak"), (4, "Lazada") })
        {
            Assert.Contains($"Tautan {platform} harus alamat https", page.QuerySelector($"#err-link-{index}")?.TextContent, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("href=\"javascript:", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.False(await PortalData.ReadAsync(site, db => db.Products.AnyAsync(p => p.IkmId == ikmId)));
    }

    [Fact]
    public async Task Post_NewProduct_WithoutAnIkm_AsksToRegisterFirst()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var page = await client.GetPageAsync("/dasbor/produk/baru");

        Assert.Contains("Daftarkan usaha Anda dulu", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
    }

    [Fact]
    public async Task Post_EditProduct_CertificationsAndLinks_AddChangeRemove_AreSavedAndAudited()
    {
        var (owner, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        var page = await client.GetPageAsync($"/dasbor/produk/{productId}/ubah");

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            // A certificate is removed by emptying its fields.
            ["Input.Certifications[1].Number"] = "",
            ["Input.Certifications[1].IssuedOn"] = "",
            ["Input.Certifications[3].Number"] = "P-IRT 1234567890123-28",
            ["Input.Links[0].Url"] = "https://www.tokopedia.com/uji/kopi-baru",
            ["Input.Links[5].Url"] = "https://www.tiktok.com/@kopiuji",
        });

        await PortalData.AssertSavedAsync(response);
        var product = await ProductAsync(productId);
        Assert.Equal([CertificationKind.Pirt], product.Certifications.Select(c => c.Kind));
        Assert.Equal("https://www.tokopedia.com/uji/kopi-baru", product.MarketplaceLinks.Single(l => l.Platform == Marketplace.Tokopedia).Url);
        Assert.Contains(product.MarketplaceLinks, l => l.Platform == Marketplace.TikTokShop);
        var actions = await PortalData.ReadAsync(site, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Product" && a.EntityId == Key(productId)).ToListAsync());
        Assert.Contains(actions, a => a.Action == AuditActions.CertificationRemoved && a.Changes!.Contains("ID-HALAL-UJI-1", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.Action == AuditActions.CertificationAdded && a.Changes!.Contains("Pirt", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.Action == AuditActions.LinkChanged && a.Changes!.Contains("kopi-baru", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.Action == AuditActions.LinkAdded);
        Assert.All(actions, a => Assert.Equal(owner.Id, a.ActorId));
    }

    [Fact]
    public async Task Post_EditProduct_OfUnverifiedIkm_GoesBackToReview()
    {
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Pending);
        using var _ = client;
        // Approved by staff earlier; a change needs their look again.
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);

        await client.SubmitAsync(await client.GetPageAsync($"/dasbor/produk/{productId}/ubah"), "main form",
            new Dictionary<string, string> { ["Input.Name"] = "Nama yang diubah" });

        Assert.Equal(ProductState.PendingReview, (await ProductAsync(productId)).State);
    }

    [Fact]
    public async Task Post_EditProduct_TwoStaleSaves_SecondGetsConflict_AndFirstIsKept()
    {
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        var tabA = await client.GetPageAsync($"/dasbor/produk/{productId}/ubah");
        var tabB = await client.GetPageAsync($"/dasbor/produk/{productId}/ubah");

        var first = await client.SubmitAsync(tabA, "main form", new Dictionary<string, string> { ["Input.Name"] = "Nama dari tab A", ["Input.PriceMin"] = "60.000" });
        var second = await client.SubmitAsync(tabB, "main form", new Dictionary<string, string> { ["Input.Name"] = "Nama dari tab B", ["Input.Links[2].Url"] = "https://www.bukalapak.com/p/kopi" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var conflict = await SiteFixture.ParseAsync(second);
        var rows = conflict.QuerySelectorAll(".conflict tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Nama dari tab A", StringComparison.Ordinal) && r.Contains("Nama dari tab B", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Rp 60.000", StringComparison.Ordinal) && r.Contains("Rp 50.000", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("bukalapak.com/p/kopi", StringComparison.Ordinal));
        Assert.Equal("Nama dari tab B", conflict.QuerySelector("#Input_Name")?.GetAttribute("value"));
        Assert.Equal("https://www.bukalapak.com/p/kopi", conflict.QuerySelector("#Input_Links_2__Url")?.GetAttribute("value"));
        var saved = await ProductAsync(productId);
        Assert.Equal("Nama dari tab A", saved.Name);
        Assert.Equal(60_000, saved.PriceMin);
        Assert.DoesNotContain(saved.MarketplaceLinks, l => l.Platform == Marketplace.Bukalapak);
    }

    [Fact]
    public async Task Post_EditProduct_ScriptInEveryTextField_IsShownAsText()
    {
        const string script = "<script>alert(1)</script>";
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);

        var response = await client.SubmitAsync(await client.GetPageAsync($"/dasbor/produk/{productId}/ubah"), "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kopi " + script,
            ["Input.Description"] = script + " <img src=x onerror=alert(2)> [klik](javascript:alert(3))",
            ["Input.Unit"] = script,
            ["Input.Certifications[1].Number"] = script,
        });
        await PortalData.AssertSavedAsync(response);

        var slug = (await ProductAsync(productId)).Slug;
        using var shopper = site.CreateClient();
        foreach (var (who, url) in new[] { (client, "/dasbor"), (client, "/dasbor/produk"), (client, $"/dasbor/produk/{productId}/ubah"), (shopper, $"/produk/{slug}") })
        {
            var html = await (await who.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.Contains("&lt;script", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=\"x\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_EditProduct_OtherOwnersProduct_ReturnsNotFound_AndChangesNothing()
    {
        var victim = await PortalData.CreateOwnerAsync(site);
        var victimIkm = await PortalData.CreateIkmAsync(site, victim.Id, VerificationState.Verified);
        var victimProduct = await PortalData.CreateProductAsync(site, victimIkm, ProductState.Published);
        var before = await ProductAsync(victimProduct);
        var (_, attackerIkm, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var ownProduct = await PortalData.CreateProductAsync(site, attackerIkm, ProductState.Published);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dasbor/produk/{victimProduct}/ubah")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dasbor/produk/{victimProduct}/hapus")).StatusCode);

        // The attacker's own, valid form, posted to the victim's product: fields, certificates and links.
        var form = PortalData.Retarget(await client.GetPageAsync($"/dasbor/produk/{ownProduct}/ubah"), "main form", $"/dasbor/produk/{victimProduct}/ubah");
        var edit = await client.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Diambil alih",
            ["Input.Version"] = before.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Certifications[1].Number"] = "",
            ["Input.Links[0].Url"] = "https://www.tokopedia.com/penipu/kopi",
        });
        var list = await client.GetPageAsync("/dasbor/produk");
        var hide = await client.SubmitAsync(PortalData.Retarget(list, $"li[data-product='{ownProduct}'] form[data-action='hide']",
            $"/dasbor/produk?id={victimProduct}&handler=Hide"), $"li[data-product='{ownProduct}'] form[data-action='hide']");
        var show = await client.SubmitAsync(PortalData.Retarget(list, $"li[data-product='{ownProduct}'] form[data-action='hide']",
            $"/dasbor/produk?id={victimProduct}&handler=Show"), $"li[data-product='{ownProduct}'] form[data-action='hide']");
        var delete = await client.SubmitAsync(PortalData.Retarget(await client.GetPageAsync($"/dasbor/produk/{ownProduct}/hapus"), "main form",
            $"/dasbor/produk/{victimProduct}/hapus"), "main form");

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hide.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, show.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var after = await ProductAsync(victimProduct);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(ProductState.Published, after.State);
        Assert.Equal(before.Certifications.Select(c => c.Number), after.Certifications.Select(c => c.Number));
        Assert.Equal(before.MarketplaceLinks.Select(l => l.Url), after.MarketplaceLinks.Select(l => l.Url));
        Assert.False(await PortalData.ReadAsync(site, db => db.AuditEntries.AnyAsync(a => a.EntityType == "Product" && a.EntityId == Key(victimProduct))));
    }

    [Fact]
    public async Task Post_HideAndShow_OwnProduct_LeavesAndReturnsToTheCatalogue()
    {
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        var slug = (await ProductAsync(productId)).Slug;
        using var shopper = site.CreateClient();

        var hidden = await client.SubmitAsync(await client.GetPageAsync("/dasbor/produk"), $"li[data-product='{productId}'] form[data-action='hide']");
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.Equal(ProductState.Hidden, (await ProductAsync(productId)).State);
        Assert.Equal(HttpStatusCode.NotFound, (await shopper.GetAsync($"/produk/{slug}")).StatusCode);

        var shown = await client.SubmitAsync(await client.GetPageAsync("/dasbor/produk"), $"li[data-product='{productId}'] form[data-action='show']");
        Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
        Assert.Equal(ProductState.Published, (await ProductAsync(productId)).State);
        Assert.Equal(HttpStatusCode.OK, (await shopper.GetAsync($"/produk/{slug}")).StatusCode);
        var actions = await PortalData.ReadAsync(site, db => db.AuditEntries.Where(a => a.EntityType == "Product" && a.EntityId == Key(productId))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.Hidden, AuditActions.Unhidden], actions);
    }

    [Fact]
    public async Task Post_Show_ProductHiddenByStaff_IsRefused_ButEditingResubmitsIt()
    {
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        var otherId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        using (var staff = site.CreateClient())
        {
            await LogInAsStaffAsync(staff);
            await staff.SubmitAsync(await staff.GetPageAsync($"/admin/produk/{productId}"), "form[data-action='hide']",
                new Dictionary<string, string> { ["Input.Reason"] = "Foto produk milik merek lain." });
        }
        var list = await client.GetPageAsync("/dasbor/produk");
        Assert.Contains("Foto produk milik merek lain.", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(list.QuerySelector($"li[data-product='{productId}'] form[data-action='show']"));

        // Posting the "show" action anyway (through another product's form) changes nothing.
        var selector = $"li[data-product='{otherId}'] form[data-action='hide']";
        await client.SubmitAsync(PortalData.Retarget(list, selector, $"/dasbor/produk?id={productId}&handler=Show"), selector);
        Assert.Equal(ProductState.Hidden, (await ProductAsync(productId)).State);

        await client.SubmitAsync(await client.GetPageAsync($"/dasbor/produk/{productId}/ubah"), "main form",
            new Dictionary<string, string> { ["Input.Description"] = "Deskripsi dan foto yang sudah diperbaiki." });
        var product = await ProductAsync(productId);
        Assert.Equal(ProductState.PendingReview, product.State);
        Assert.Null(product.HiddenReason);
    }

    [Fact]
    public async Task Post_Delete_OwnProduct_AfterConfirmation_DeletesItAndAudits()
    {
        var (owner, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published, "Kopi Untuk Dihapus");

        var confirm = await client.GetPageAsync($"/dasbor/produk/{productId}/hapus");
        Assert.Contains("Kopi Untuk Dihapus", confirm.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await PortalData.ReadAsync(site, db => db.Products.AnyAsync(p => p.Id == productId)));
        var response = await client.SubmitAsync(confirm, "main form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await PortalData.ReadAsync(site, db => db.Products.AnyAsync(p => p.Id == productId)));
        var entry = await PortalData.ReadAsync(site, db => db.AuditEntries.SingleAsync(a => a.EntityType == "Product" && a.EntityId == Key(productId)));
        Assert.Equal(AuditActions.Deleted, entry.Action);
        Assert.Equal(owner.Id, entry.ActorId);
        Assert.Contains("Kopi Untuk Dihapus", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EditProduct_WithoutAntiforgeryToken_IsRefused()
    {
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published, "Kopi Tanpa Token");

        var response = await client.PostAsync($"/dasbor/produk/{productId}/ubah", new FormUrlEncodedContent(NewProduct("Diubah tanpa token", await KopiAsync())));
        var delete = await client.PostAsync($"/dasbor/produk/{productId}/hapus", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal("Kopi Tanpa Token", (await ProductAsync(productId)).Name);
    }

    [Fact]
    public async Task Get_Dashboard_ShowsCompleteness_AndTheLast30DaysOfClicksPerMarketplace()
    {
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);
        await PortalData.ReadAsync(site, async db =>
        {
            db.OutboundClicks.AddRange(
                new OutboundClickDay { ProductId = productId, Platform = Marketplace.Tokopedia, Day = today, Clicks = 4 },
                new OutboundClickDay { ProductId = productId, Platform = Marketplace.Tokopedia, Day = today.AddDays(-29), Clicks = 3 },
                new OutboundClickDay { ProductId = productId, Platform = Marketplace.Tokopedia, Day = today.AddDays(-30), Clicks = 100 },
                new OutboundClickDay { ProductId = productId, Platform = Marketplace.Shopee, Day = today.AddDays(-1), Clicks = 2 });
            return await db.SaveChangesAsync();
        });

        var page = await client.GetPageAsync("/dasbor");

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/dasbor/produk/{productId}/ubah']") is not null);
        var clicks = row.QuerySelectorAll("td")[2].TextContent;
        Assert.Contains("Tokopedia: 7", clicks, StringComparison.Ordinal);
        Assert.Contains("Shopee: 2", clicks, StringComparison.Ordinal);
        // No photo, a short description, a price, a certificate and a link: 15 + 20 + 15 = 50.
        Assert.Equal("50", row.QuerySelector("meter")?.GetAttribute("value"));
        Assert.Contains("Tambahkan foto produk", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Dashboard_ListsOnlyTheOwnersOwnProducts()
    {
        var other = await PortalData.CreateOwnerAsync(site);
        var otherIkm = await PortalData.CreateIkmAsync(site, other.Id, VerificationState.Verified);
        await PortalData.CreateProductAsync(site, otherIkm, ProductState.Published, "Produk Pemilik Lain");
        var (_, ikmId, client) = await OwnerWithIkmAsync(VerificationState.Verified);
        using var _ = client;
        await PortalData.CreateProductAsync(site, ikmId, ProductState.Published, "Produk Saya Sendiri");

        foreach (var url in new[] { "/dasbor", "/dasbor/produk" })
        {
            var text = (await client.GetPageAsync(url)).Body!.TextContent;
            Assert.Contains("Produk Saya Sendiri", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Produk Pemilik Lain", text, StringComparison.Ordinal);
        }
    }
}
