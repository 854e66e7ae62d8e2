using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Products;

/// The marketplace buttons go through here: count the click, then send the shopper on.
public sealed class OutboundModel(OutboundClickCommand command) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, string platform, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Marketplace>(platform, ignoreCase: true, out var marketplace) || !Enum.IsDefined(marketplace) || char.IsDigit(platform[0]))
        {
            return NotFound();
        }
        var url = await command.RunAsync(slug, marketplace, cancellationToken);
        // The address was checked to be https on the platform when it was saved.
        return url is null ? NotFound() : Redirect(url);
    }
}
