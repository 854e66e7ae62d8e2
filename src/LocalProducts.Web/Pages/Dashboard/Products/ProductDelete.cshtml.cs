using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Products;

/// Asks before deleting: the GET shows what will go, the POST deletes.
public sealed class ProductDeleteModel(ProductFormQuery query, DeleteProductCommand delete) : PageModel
{
    public ProductFormState Product { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId || await query.LoadAsync(ownerId, id, cancellationToken) is not { } product)
        {
            return NotFound();
        }
        Product = product;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await delete.RunAsync(User, id, cancellationToken);
        if (!result.IsSaved)
        {
            return NotFound();
        }
        TempData["Notice"] = result.Notice;
        return Redirect("/dasbor/produk");
    }
}
