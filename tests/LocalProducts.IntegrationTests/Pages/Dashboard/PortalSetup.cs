using System.Globalization;
using AngleSharp.Html.Dom;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Dashboard;

public sealed record TestOwner(Guid Id, string Email);

/// Test owners, IKM and products made straight in the database (no request, so no audit entry):
/// each test makes its own and depends on no other test.
internal static class PortalData
{
    public const string OwnerPassword = "Kain-Tenun-Ikat-2026!";
    public const string StaffEmail = "staf@melokal.test";
    public const string StaffPassword = "Staf-Melokal-2026";
    /// The demo IKM "Batur Sangrai Kintamani" holds this NIB.
    public const string TakenNib = "9120148273015";

    private static int _sequence;

    /// A 13-digit NIB no other test uses.
    public static string NewNib() =>
        string.Create(CultureInfo.InvariantCulture, $"7{Interlocked.Increment(ref _sequence) % 10_000:D4}{Random.Shared.NextInt64(0, 100_000_000):D8}");

    /// A word no demo text holds, for finding a test's product by search: letters only.
    public static string NewWord() => "zq" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8)]) + "x";

    public static async Task<TestOwner> CreateOwnerAsync(SiteFixture site)
    {
        using var scope = site.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"pemilik-{Guid.NewGuid():N}@uji.test";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Pemilik Uji (fiktif)" };
        Assert.True((await users.CreateAsync(user, OwnerPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.IkmOwner)).Succeeded);
        return new TestOwner(user.Id, email);
    }

    public static async Task<int> CreateIkmAsync(SiteFixture site, Guid ownerId, VerificationState state, string? name = null)
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var ikm = new Ikm
        {
            Slug = "ikm-uji-" + Guid.NewGuid().ToString("N")[..12],
            Name = name ?? "IKM Uji " + Guid.NewGuid().ToString("N")[..6],
            Nib = NewNib(),
            Scale = IkmScale.Kecil,
            Kbli = "10761",
            ProvinceCode = "51",
            RegencyCode = "51.06",
            DistrictCode = "51.06.04",
            WhatsApp = "+6281234567890",
            OwnerId = ownerId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (state == VerificationState.Verified)
        {
            ikm.Verify(now);
        }
        else if (state == VerificationState.Rejected)
        {
            ikm.Reject("NIB tidak cocok dengan nama usaha di OSS.");
        }
        db.Ikms.Add(ikm);
        await db.SaveChangesAsync();
        return ikm.Id;
    }

    public static async Task<int> CreateProductAsync(SiteFixture site, int ikmId, ProductState state, string? name = null)
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var kopi = await db.Categories.Where(c => c.Slug == "kopi").Select(c => c.Id).SingleAsync();
        var product = new Product
        {
            IkmId = ikmId,
            CategoryId = kopi,
            Slug = "produk-uji-" + Guid.NewGuid().ToString("N")[..12],
            Name = name ?? "Kopi Uji " + Guid.NewGuid().ToString("N")[..6],
            Description = "Kopi uji untuk tes otomatis.",
            Unit = "bungkus",
            CreatedAt = now,
            UpdatedAt = now,
        };
        product.SetPrice(50_000, null);
        product.AddCertification(new Certification { Kind = CertificationKind.Halal, Number = "ID-HALAL-UJI-1", IssuedOn = new DateOnly(2025, 1, 1) });
        product.AddMarketplaceLink(Marketplace.Tokopedia, "https://www.tokopedia.com/uji/kopi-uji");
        switch (state)
        {
            case ProductState.Published:
                product.Publish(now);
                break;
            case ProductState.Hidden:
                product.HiddenByOwner(now);
                break;
        }
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }

    public static async Task<T> ReadAsync<T>(SiteFixture site, Func<AppDbContext, Task<T>> read)
    {
        using var _ = site.CreateDbContext(out var scope);
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static async Task<HttpClient> OwnerClientAsync(SiteFixture site, TestOwner owner)
    {
        var client = site.CreateClient();
        await client.LogInAsync(owner.Email, OwnerPassword);
        return client;
    }

    /// The text of the page's error summary and field errors.
    public static string Errors(IHtmlDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".form-errors li, .field-error, .form-errors").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

    /// Fails with the page's error messages when a save did not go through.
    public static async Task AssertSavedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            Assert.Fail($"Expected a redirect after saving, got {(int)response.StatusCode}: {Errors(await SiteFixture.ParseAsync(response))}");
        }
    }

    /// Points a page's form at another address, as an attacker would post it.
    public static IHtmlDocument Retarget(IHtmlDocument page, string formSelector, string action)
    {
        page.QuerySelector(formSelector)!.SetAttribute("action", action);
        return page;
    }
}
