using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Products.WhatsApp;

/// The product page's "Pesan lewat WhatsApp" form comes here (GET, ?jumlah=2): count the click,
/// then open the chat with the maker. Only ever to wa.me and the maker's own number. Under
/// /keluar/ with the marketplace buttons: kept out of robots.txt and out of pictures.
public sealed class OrderByWhatsAppModel(WhatsAppOrderCommand command) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "jumlah")] string? jumlah, CancellationToken cancellationToken)
    {
        var url = await command.RunAsync(slug, WhatsAppOrderMessage.Quantity(jumlah), HttpContext.Connection.RemoteIpAddress, cancellationToken);
        return url is null ? NotFound() : Redirect(url);
    }
}
