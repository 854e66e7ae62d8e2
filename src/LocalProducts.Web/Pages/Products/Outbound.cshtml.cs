using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Products;

/// The marketplace buttons go through here: count the click, then send the shopper on.
public sealed class OutboundModel(OutboundClickCommand command) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, string platform, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Marketplace>(platform, ignoreCase: true, out var marketplace) || !Marketplaces.Shops.Contains(marketplace) || char.IsDigit(platform[0]))
        {
            return NotFound();
        }
        var url = await command.RunAsync(slug, marketplace, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        // Normalised again: links saved before addresses were stored normalised may hold
        // characters a Location header cannot carry.
        return Marketplaces.NormaliseShopUrl(marketplace, url) is { } shop ? Redirect(shop) : NotFound();
    }
}
