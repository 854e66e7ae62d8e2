using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Products;

public sealed class OutboundClickCommand(AppDbContext db, TimeProvider clock)
{
    /// Counts one click and returns the shop's address; null when the product or link is not shown.
    public async Task<string?> RunAsync(string slug, Marketplace platform, CancellationToken cancellationToken)
    {
        var link = await db.MarketplaceLinks.AsNoTracking()
            .Where(l => l.Platform == platform && db.Products.Any(p => p.Id == l.ProductId && p.Slug == slug && p.State == ProductState.Published))
            .Select(l => new { l.ProductId, l.Url })
            .FirstOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return null;
        }
        // One row per product, platform and day; concurrent clicks add up in the database.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbound_clicks (product_id, platform, day, clicks) VALUES ({link.ProductId}, {(int)platform}, {Wib.Today(clock)}, 1)
            ON CONFLICT (product_id, platform, day) DO UPDATE SET clicks = outbound_clicks.clicks + 1
            """, cancellationToken);
        return link.Url;
    }
}
