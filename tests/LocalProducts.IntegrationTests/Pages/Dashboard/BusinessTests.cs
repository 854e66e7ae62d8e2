using System.Globalization;
using System.Net;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Dashboard;

public sealed class BusinessTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static Dictionary<string, string> ValidBusiness(string nib, string name = "Tenun Uji Sejahtera") => new()
    {
        ["Input.Name"] = name,
        ["Input.Nib"] = nib,
        ["Input.Scale"] = "Mikro",
        ["Input.Kbli"] = "13112",
        ["Input.ProvinceCode"] = "51",
        ["Input.RegencyCode"] = "51.06",
        ["Input.DistrictCode"] = "51.06.04",
        ["Input.Address"] = "Jl. Uji No. 1",
        ["Input.Sentra"] = "Sentra Tenun Uji",
        ["Input.FoundedYear"] = "2015",
        ["Input.Story"] = "Usaha **fiktif** untuk tes.",
        ["Input.WhatsApp"] = "0812-3456-7890",
        ["Input.Email"] = "halo@tenun-uji.example",
        ["Input.Website"] = "https://tenun-uji.example",
    };

    [Theory]
    [InlineData("/dasbor")]
    [InlineData("/dasbor/usaha")]
    [InlineData("/dasbor/produk")]
    [InlineData("/dasbor/produk/baru")]
    [InlineData("/dasbor/produk/1/ubah")]
    [InlineData("/admin")]
    [InlineData("/admin/audit")]
    public async Task Get_PortalPage_Anonymous_RedirectsToLogIn(string url)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/akun/masuk", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/verifikasi")]
    [InlineData("/admin/moderasi")]
    [InlineData("/admin/audit")]
    public async Task Get_AdminPage_AsOwner_IsForbidden(string url)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Anda tidak punya akses", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Dashboard_AsStaff_IsForbidden()
    {
        using var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);

        var response = await client.GetAsync("/dasbor");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_Dashboard_WithoutIkm_InvitesToRegister()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var page = await client.GetPageAsync("/dasbor");

        Assert.Contains("Anda belum mendaftarkan usaha", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/dasbor/usaha']"));
    }

    [Fact]
    public async Task Post_Business_New_CreatesPendingIkm_OwnedByTheSignedInUser_AndAudits()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var other = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var nib = PortalData.NewNib();
        var values = ValidBusiness(nib);
        // Overposting: fields the form does not have are ignored.
        values["Input.OwnerId"] = other.Id.ToString();
        values["OwnerId"] = other.Id.ToString();
        values["Input.Verification"] = "Verified";

        var response = await client.SubmitAsync(await client.GetPageAsync("/dasbor/usaha"), "main form", values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ikm = await PortalData.ReadAsync(site, db => db.Ikms.AsNoTracking().SingleAsync(i => i.Nib == nib));
        Assert.Equal(owner.Id, ikm.OwnerId);
        Assert.Equal(VerificationState.Pending, ikm.Verification);
        Assert.Equal("+6281234567890", ikm.WhatsApp);
        Assert.Equal("tenun-uji-sejahtera", ikm.Slug[..Math.Min(19, ikm.Slug.Length)]);
        Assert.Equal("51.06.04", ikm.DistrictCode);
        var dashboard = await client.GetPageAsync("/dasbor");
        Assert.Contains("Menunggu verifikasi", dashboard.Body!.TextContent, StringComparison.Ordinal);
        var audit = await PortalData.ReadAsync(site, db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == "Ikm" && a.EntityId == ikm.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(AuditActions.Created, audit.Action);
        Assert.Equal(owner.Id, audit.ActorId);
        Assert.Equal(Roles.IkmOwner, audit.ActorRole);
        Assert.Contains(nib, audit.Changes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("91200010000a1")]
    [InlineData("91200010000011234")]
    public async Task Post_Business_InvalidNib_SaysSo_AndCreatesNothing(string nib)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var response = await client.SubmitAsync(await client.GetPageAsync("/dasbor/usaha"), "main form", ValidBusiness(nib));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("NIB terdiri dari 13 angka", PortalData.Errors(page), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_Nib")?.GetAttribute("aria-invalid"));
        Assert.Equal("Tenun Uji Sejahtera", page.QuerySelector("#Input_Name")?.GetAttribute("value"));
        Assert.False(await PortalData.ReadAsync(site, db => db.Ikms.AnyAsync(i => i.OwnerId == owner.Id)));
    }

    [Fact]
    public async Task Post_Business_DuplicateNib_SaysSo_AndChangesNothing()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        var before = await PortalData.ReadAsync(site, db => db.Ikms.AsNoTracking().SingleAsync(i => i.Id == ikmId));
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var response = await client.SubmitAsync(await client.GetPageAsync("/dasbor/usaha"), "main form", ValidBusiness(PortalData.TakenNib));

        var page = await SiteFixture.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("NIB ini sudah terdaftar untuk IKM lain", PortalData.Errors(page), StringComparison.Ordinal);
        var after = await PortalData.ReadAsync(site, db => db.Ikms.AsNoTracking().SingleAsync(i => i.Id == ikmId));
        Assert.Equal(before.Nib, after.Nib);
        Assert.Equal(before.Name, after.Name);
    }

    [Theory]
    [InlineData("Input.WhatsApp", "021-555-1234", "Nomor WhatsApp tidak valid")]
    [InlineData("Input.Website", "http://tenun-uji.example", "diawali https://")]
    [InlineData("Input.Website", "javascript:alert(1)", "diawali https://")]
    [InlineData("Input.Kbli", "1311", "KBLI terdiri dari 5 angka")]
    [InlineData("Input.RegencyCode", "73.71", "Pilih kabupaten/kota di provinsi yang dipilih")]
    [InlineData("Input.FoundedYear", "tahun lalu", "tidak valid untuk Tahun berdiri")]
    [InlineData("Input.Scale", "Raksasa", "tidak valid untuk Skala usaha")]
    public async Task Post_Business_BadField_ShowsItsMessage_AndCreatesNothing(string field, string value, string message)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var values = ValidBusiness(PortalData.NewNib());
        values[field] = value;

        var response = await client.SubmitAsync(await client.GetPageAsync("/dasbor/usaha"), "main form", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, PortalData.Errors(await SiteFixture.ParseAsync(response)), StringComparison.Ordinal);
        Assert.False(await PortalData.ReadAsync(site, db => db.Ikms.AnyAsync(i => i.OwnerId == owner.Id)));
    }

    [Fact]
    public async Task Post_Business_ChooseProvince_WithoutJavaScript_ListsItsRegencies_AndKeepsTyping()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var page = await client.GetPageAsync("/dasbor/usaha");
        Assert.Empty(page.QuerySelectorAll("#Input_RegencyCode option[value='73.71']"));

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Sutra Uji Makassar",
            ["Input.Story"] = "Cerita yang sudah diketik.",
            ["Input.ProvinceCode"] = "73",
            // A regency of the province chosen before: no longer applies.
            ["Input.RegencyCode"] = "51.06",
        }, submitName: "pilih");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reloaded = await SiteFixture.ParseAsync(response);
        Assert.NotNull(reloaded.QuerySelector("#Input_RegencyCode option[value='73.71']"));
        Assert.Empty(reloaded.QuerySelectorAll("#Input_RegencyCode option[value='51.06']"));
        Assert.Equal("73", reloaded.QuerySelector("#Input_ProvinceCode option[selected]")?.GetAttribute("value"));
        Assert.Equal("Sutra Uji Makassar", reloaded.QuerySelector("#Input_Name")?.GetAttribute("value"));
        Assert.Equal("Cerita yang sudah diketik.", reloaded.QuerySelector("#Input_Story")?.TextContent.Trim());
        Assert.Empty(PortalData.Errors(reloaded));
        Assert.False(await PortalData.ReadAsync(site, db => db.Ikms.AnyAsync(i => i.OwnerId == owner.Id)));

        // Then the regency, for its districts.
        var second = await client.SubmitAsync(reloaded, "main form", new Dictionary<string, string> { ["Input.RegencyCode"] = "73.71" }, submitName: "pilih");
        var districts = await SiteFixture.ParseAsync(second);
        Assert.NotNull(districts.QuerySelector("#Input_DistrictCode option[value='73.71.09']"));
    }

    [Fact]
    public async Task Get_Areas_ReturnsTheRegenciesOfAProvinceAsJson()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var response = await client.GetAsync("/dasbor/wilayah?provinsi=51");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"51.06\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"code\":\"73.71\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BusinessPage_LoadsTheAreaScriptFromAFile_NotInline()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var page = await client.GetPageAsync("/dasbor/usaha");

        Assert.All(page.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src") || script.GetAttribute("type") == "application/ld+json"));
        var src = page.QuerySelector("script[src*='area-select']")?.GetAttribute("src");
        Assert.NotNull(src);
        Assert.True((await client.GetAsync(src)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Post_Business_RejectedIkm_SavedAgain_IsResubmittedForVerification()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Rejected);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var dashboard = await client.GetPageAsync("/dasbor");
        Assert.Contains("NIB tidak cocok dengan nama usaha di OSS.", dashboard.Body!.TextContent, StringComparison.Ordinal);

        var response = await client.SubmitAsync(await client.GetPageAsync("/dasbor/usaha"), "main form", new Dictionary<string, string>
        {
            ["Input.Address"] = "Alamat yang sudah diperbaiki",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ikm = await PortalData.ReadAsync(site, db => db.Ikms.AsNoTracking().SingleAsync(i => i.Id == ikmId));
        Assert.Equal(VerificationState.Pending, ikm.Verification);
        Assert.Null(ikm.RejectionReason);
        Assert.Equal("Alamat yang sudah diperbaiki", ikm.Address);
        Assert.True(await PortalData.ReadAsync(site, db => db.AuditEntries.AnyAsync(a => a.EntityId == ikmId.ToString(CultureInfo.InvariantCulture) && a.EntityType == "Ikm" && a.Action == AuditActions.Resubmitted)));
    }

    [Fact]
    public async Task Post_Business_VerifiedIkm_NameChange_GoesBackToVerification_OtherFieldsDoNot()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        await client.SubmitAsync(await client.GetPageAsync("/dasbor/usaha"), "main form", new Dictionary<string, string> { ["Input.Sentra"] = "Sentra baru" });
        Assert.Equal(VerificationState.Verified, await PortalData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId).Select(i => i.Verification).SingleAsync()));

        await client.SubmitAsync(await client.GetPageAsync("/dasbor/usaha"), "main form", new Dictionary<string, string> { ["Input.Name"] = "Nama Baru Sekali" });
        var ikm = await PortalData.ReadAsync(site, db => db.Ikms.AsNoTracking().SingleAsync(i => i.Id == ikmId));
        Assert.Equal(VerificationState.Pending, ikm.Verification);
        Assert.Equal("Nama Baru Sekali", ikm.Name);
        Assert.Equal("Sentra baru", ikm.Sentra);

        // Its published products stay published, without a link to the profile it has not got meanwhile.
        var product = await PortalData.ReadAsync(site, db => db.Products.AsNoTracking().SingleAsync(p => p.Id == productId));
        Assert.Equal(ProductState.Published, product.State);
        using var shopper = site.CreateClient();
        var page = await shopper.GetPageAsync($"/produk/{product.Slug}");
        Assert.Contains("Nama Baru Sekali", page.QuerySelector(".maker-card")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/ikm/{ikm.Slug}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await shopper.GetAsync($"/ikm/{ikm.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Post_Business_TwoStaleSaves_SecondGetsConflict_AndFirstIsKept()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var tabA = await client.GetPageAsync("/dasbor/usaha");
        var tabB = await client.GetPageAsync("/dasbor/usaha");

        var first = await client.SubmitAsync(tabA, "main form", new Dictionary<string, string> { ["Input.Address"] = "Alamat dari tab A" });
        var second = await client.SubmitAsync(tabB, "main form", new Dictionary<string, string> { ["Input.Address"] = "Alamat dari tab B" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var conflict = await SiteFixture.ParseAsync(second);
        var notice = conflict.QuerySelector(".conflict")!;
        Assert.Contains("Data ini sudah diubah orang lain", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("Alamat dari tab A", notice.QuerySelector(".conflict-saved")?.TextContent);
        Assert.Equal("Alamat dari tab B", notice.QuerySelector(".conflict-typed")?.TextContent);
        Assert.Equal("Alamat dari tab B", conflict.QuerySelector("#Input_Address")?.TextContent.Trim());
        Assert.Equal("Alamat dari tab A", await PortalData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId).Select(i => i.Address).SingleAsync()));

        // Saving again from the conflict page is the user's choice to keep their version.
        var third = await client.SubmitAsync(conflict, "main form");
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Equal("Alamat dari tab B", await PortalData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId).Select(i => i.Address).SingleAsync()));
    }

    [Fact]
    public async Task Post_Business_ScriptInEveryTextField_IsShownAsText()
    {
        const string script = "<script>alert(1)</script>";
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var values = ValidBusiness(PortalData.NewNib(), name: "Usaha " + script);
        values["Input.Address"] = script;
        values["Input.Sentra"] = script;
        values["Input.Story"] = script + " **tebal** [tautan](javascript:alert(2))";

        var response = await client.SubmitAsync(await client.GetPageAsync("/dasbor/usaha"), "main form", values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        foreach (var url in new[] { "/dasbor", "/dasbor/usaha" })
        {
            var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.Contains("&lt;script", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        }
        var ikm = await PortalData.ReadAsync(site, db => db.Ikms.AsNoTracking().SingleAsync(i => i.OwnerId == owner.Id));
        Assert.Equal(script, ikm.Address);
    }

    [Fact]
    public async Task Post_Business_WithoutAntiforgeryToken_IsRefused()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var response = await client.PostAsync("/dasbor/usaha", new FormUrlEncodedContent(ValidBusiness(PortalData.NewNib())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await PortalData.ReadAsync(site, db => db.Ikms.AnyAsync(i => i.OwnerId == owner.Id)));
    }

    [Fact]
    public async Task Post_Business_OtherOwnersIkm_CannotBeReached_OnlyTheirOwnIsEdited()
    {
        var victim = await PortalData.CreateOwnerAsync(site);
        var victimIkm = await PortalData.CreateIkmAsync(site, victim.Id, VerificationState.Verified);
        var before = await PortalData.ReadAsync(site, db => db.Ikms.AsNoTracking().SingleAsync(i => i.Id == victimIkm));
        var attacker = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, attacker);
        var values = ValidBusiness(PortalData.NewNib(), "Diambil Alih");
        // Whatever ids a form carries, the IKM edited is the signed-in owner's.
        values["Input.Id"] = victimIkm.ToString(CultureInfo.InvariantCulture);
        values["Id"] = victimIkm.ToString(CultureInfo.InvariantCulture);
        values["Input.Version"] = before.Version.ToString(CultureInfo.InvariantCulture);

        var response = await client.SubmitAsync(await client.GetPageAsync($"/dasbor/usaha?id={victimIkm}"), "main form", values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await PortalData.ReadAsync(site, db => db.Ikms.AsNoTracking().SingleAsync(i => i.Id == victimIkm));
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Nib, after.Nib);
        Assert.Equal(VerificationState.Verified, after.Verification);
        Assert.Equal(victim.Id, after.OwnerId);
        Assert.True(await PortalData.ReadAsync(site, db => db.Ikms.AnyAsync(i => i.OwnerId == attacker.Id && i.Name == "Diambil Alih")));
    }
}
