using System.Net;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Products.WhatsApp;

/// "Pesan lewat WhatsApp": counts the click like the marketplace buttons' and writes the order.
public sealed class WhatsAppOrderCommand(AppDbContext db, OutboundClickCommand clicks, PublicAddress site)
{
    /// The wa.me address with the order written; null when the product is not shown or its maker
    /// has no WhatsApp number. The product's link is built from the site's public address.
    public async Task<string?> RunAsync(string slug, int quantity, IPAddress? clientAddress, CancellationToken cancellationToken)
    {
        var product = await ProductCard.Visible(db.Products.AsNoTracking())
            .Where(p => p.Slug == slug)
            .Select(p => new { p.Id, p.Slug, p.Name, p.PriceMin, p.PriceMax, p.Unit, p.Ikm!.WhatsApp })
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return null;
        }
        var text = WhatsAppOrderMessage.Text(product.Name, product.PriceMin, product.PriceMax, product.Unit,
            Math.Clamp(quantity, WhatsAppOrderMessage.MinQuantity, WhatsAppOrderMessage.MaxQuantity), site.Absolute($"/produk/{product.Slug}"));
        if (WhatsAppOrderMessage.Url(product.WhatsApp, text) is not { } url)
        {
            return null;
        }
        await clicks.CountAsync(product.Id, Marketplace.WhatsApp, clientAddress, cancellationToken);
        return url;
    }
}
