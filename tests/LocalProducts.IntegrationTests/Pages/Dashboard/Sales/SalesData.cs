using System.Globalization;
using System.Net;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Dashboard.Sales;

public sealed record SalesOwner(TestOwner Owner, int IkmId, int ProductId, string ProductSlug, string ProductName, int CategoryId, HttpClient Client);

/// An owner with an IKM and a coffee product, logged in; stored reports made straight in the
/// database for the history the hold rule reads.
internal static class SalesData
{
    /// Today in WIB, as the site sees it.
    public static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static async Task<SalesOwner> OwnerAsync(SiteFixture site)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        var product = await PortalData.ReadAsync(site, db => db.Products.AsNoTracking().Where(p => p.Id == productId)
            .Select(p => new { p.Slug, p.Name, p.CategoryId }).SingleAsync());
        return new SalesOwner(owner, ikmId, productId, product.Slug, product.Name, product.CategoryId, await PortalData.OwnerClientAsync(site, owner));
    }

    /// Counted daily reports of the product on Shopee, one a day on the days before <paramref name="before"/>.
    public static async Task AddHistoryAsync(SiteFixture site, SalesOwner owner, DateOnly before, params long[] revenues)
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var i = 0; i < revenues.Length; i++)
        {
            db.SalesReports.Add(SalesReport.Create(owner.IkmId, owner.ProductId, owner.CategoryId, SalesChannel.Shopee, SalesPeriodKind.Daily,
                before.AddDays(-(i + 1)), 1, revenues[i], null, DateTimeOffset.UtcNow, owner.Owner.Id));
        }
        await db.SaveChangesAsync();
    }

    public static Task<List<SalesReport>> ReportsAsync(SiteFixture site, int ikmId) =>
        PortalData.ReadAsync(site, db => db.SalesReports.AsNoTracking().Include(r => r.Revisions).Where(r => r.IkmId == ikmId).OrderBy(r => r.PeriodStart).ThenBy(r => r.Id).ToListAsync());

    public static Dictionary<string, string> Form(SalesOwner owner, DateOnly day, string units = "12", string revenue = "Rp 1.250.000", string channel = "Shopee") => new()
    {
        ["Input.Item"] = "p" + owner.ProductId.ToString(CultureInfo.InvariantCulture),
        ["Input.Channel"] = channel,
        ["Input.Kind"] = "Daily",
        ["Input.Day"] = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        ["Input.Units"] = units,
        ["Input.Revenue"] = revenue,
    };

    public static async Task<HttpResponseMessage> ReportAsync(HttpClient client, IReadOnlyDictionary<string, string> values) =>
        await client.SubmitAsync(await client.GetPageAsync("/dasbor/penjualan/baru"), "main form", values);

    public static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains(message, PortalData.Errors(page), StringComparison.Ordinal);
    }
}
