using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Shortlist;

/// Products made for the save and compare tests: each test makes its own, so every list it opens
/// is an address no other test asked for (and no cached answer stands in for it).
internal static class ShortlistData
{
    /// A published product of a verified IKM, with a halal certificate, a Tokopedia link, the unit
    /// "bungkus" and the price Rp 50.000 (PortalData's product).
    public static async Task<string> PublishedAsync(SiteFixture site, string? name = null)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikm = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        return await SlugAsync(site, await PortalData.CreateProductAsync(site, ikm, ProductState.Published, name));
    }

    public static async Task<string> HiddenAsync(SiteFixture site)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikm = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        return await SlugAsync(site, await PortalData.CreateProductAsync(site, ikm, ProductState.Hidden));
    }

    /// A slug no product has.
    public static string Unknown() => "tidak-ada-" + Guid.NewGuid().ToString("N")[..10];

    private static Task<string> SlugAsync(SiteFixture site, int id) =>
        PortalData.ReadAsync(site, db => db.Products.Where(p => p.Id == id).Select(p => p.Slug).SingleAsync());
}
