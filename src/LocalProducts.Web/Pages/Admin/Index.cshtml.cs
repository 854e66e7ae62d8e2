using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin;

/// The staff's start page (Staff policy on the folder): links to the staff tools.
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
