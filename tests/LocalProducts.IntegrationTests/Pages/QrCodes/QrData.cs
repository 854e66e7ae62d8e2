using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.QrCodes;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.QrCodes;

/// Codes, events and scans made straight in the database, each test its own.
internal static class QrData
{
    public static async Task<string> CreateCodeAsync(SiteFixture site, QrTargetKind kind, int targetId)
    {
        var code = QrCode.NewCode();
        await PortalData.ReadAsync(site, db =>
        {
            db.QrCodes.Add(new QrCode { Code = code, TargetKind = kind, TargetId = targetId, CreatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        return code;
    }

    public static Task<int> CreateEventAsync(SiteFixture site, EventState state = EventState.Published) =>
        PortalData.ReadAsync(site, async db =>
        {
            var slug = $"acara-qr-{Guid.NewGuid():N}"[..24];
            var ev = new CampaignEvent
            {
                Slug = slug,
                Title = "Acara uji QR " + slug,
                StartsAt = DateTimeOffset.UtcNow.AddDays(30),
                Place = "Bandung",
                Capacity = 50,
                State = state,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            return ev.Id;
        });

    public static Task<List<QrScanDay>> ScansAsync(SiteFixture site, string code) =>
        PortalData.ReadAsync(site, db => db.QrScans.AsNoTracking()
            .Where(s => db.QrCodes.Any(q => q.Id == s.QrCodeId && q.Code == code)).OrderBy(s => s.Day).ToListAsync());

    public static Task<List<QrCode>> CodesOfAsync(SiteFixture site, QrTargetKind kind, int targetId) =>
        PortalData.ReadAsync(site, db => db.QrCodes.AsNoTracking().Where(q => q.TargetKind == kind && q.TargetId == targetId).ToListAsync());

    public static Task<string> SlugAsync(SiteFixture site, QrTargetKind kind, int id) => PortalData.ReadAsync(site, db => kind switch
    {
        QrTargetKind.Product => db.Products.Where(p => p.Id == id).Select(p => p.Slug).SingleAsync(),
        QrTargetKind.Ikm => db.Ikms.Where(i => i.Id == id).Select(i => i.Slug).SingleAsync(),
        _ => db.Events.Where(e => e.Id == id).Select(e => e.Slug).SingleAsync(),
    });

    /// An owner with a verified IKM and one published product.
    public static async Task<(TestOwner Owner, int IkmId, int ProductId)> OwnerWithProductAsync(SiteFixture site, ProductState state = ProductState.Published)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var productId = await PortalData.CreateProductAsync(site, ikmId, state);
        return (owner, ikmId, productId);
    }
}
