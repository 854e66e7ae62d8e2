using System.Globalization;
using System.Net;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.ClientAddresses;
using LocalProducts.Web.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Products;

public sealed class OutboundClickCommand(AppDbContext db, OncePerDay oncePerDay, ILogger<OutboundClickCommand> logger)
{
    /// Counts the click and returns the shop's address; null when the product or link is not
    /// shown. An address counts once a day per product and shop, however often it follows the link.
    public async Task<string?> RunAsync(string slug, Marketplace platform, IPAddress? clientAddress, CancellationToken cancellationToken)
    {
        var link = await db.MarketplaceLinks.AsNoTracking()
            .Where(l => l.Platform == platform && db.Products.Any(p => p.Id == l.ProductId && p.Slug == slug && p.State == ProductState.Published))
            .Select(l => new { l.ProductId, l.Url })
            .FirstOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return null;
        }
        try
        {
            await CountAsync(link.ProductId, platform, clientAddress, cancellationToken);
        }
        catch (Exception ex) when (DatabaseOutage.Find(ex) is { } outage && !cancellationToken.IsCancellationRequested)
        {
            // The shopper still goes to the shop: a click not counted costs less than a lost sale.
            // Not retried: the increment may have been committed before the connection broke.
            logger.LogWarning("Outbound click on product {ProductId} not counted: database unavailable ({DatabaseError})", link.ProductId, DatabaseOutage.Describe(outage));
        }
        return link.Url;
    }

    /// Counts one visit from the product's page to the platform (a shop or the maker's WhatsApp):
    /// once a day per client address, product and platform.
    public async Task CountAsync(int productId, Marketplace platform, IPAddress? clientAddress, CancellationToken cancellationToken)
    {
        var subject = string.Create(CultureInfo.InvariantCulture, $"{productId}:{(int)platform}");
        var mark = await oncePerDay.MarkAsync(OncePerDay.OutboundClick, subject, clientAddress, cancellationToken);
        // The day's mark and the count in one statement: an instance killed between two statements
        // left the mark without the count, and the proxy's retry of the GET then counted nothing.
        // One row per product, platform and day; concurrent clicks add up in the database.
        await db.Database.ExecuteSqlAsync($"""
            WITH mark AS (
                INSERT INTO rate_limit_windows (bucket, "key", window_start, expires_at, hits)
                VALUES ({mark.Bucket}, {mark.Key}, {mark.WindowStart}, {mark.ExpiresAt}, 1)
                ON CONFLICT (bucket, "key", window_start) DO NOTHING
                RETURNING hits)
            INSERT INTO outbound_clicks (product_id, platform, day, clicks)
            SELECT {productId}, {(int)platform}, {mark.Day}, 1 FROM mark
            ON CONFLICT (product_id, platform, day) DO UPDATE SET clicks = outbound_clicks.clicks + 1
            """, cancellationToken);
    }
}
