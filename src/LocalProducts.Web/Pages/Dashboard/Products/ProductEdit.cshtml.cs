using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Products;

/// Edit one of the owner's products. Another owner's product id answers 404, as a missing one does.
public sealed class ProductEditModel(ProductFormQuery query, SaveProductCommand save) : PageModel
{
    [BindProperty]
    public ProductForm Input { get; set; } = new();

    public ProductFormState Product { get; private set; } = null!;
    public ProductFormOptions Options { get; private set; } = null!;
    public IReadOnlyList<ConflictRow> Conflict { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId || await query.LoadAsync(ownerId, id, cancellationToken) is not { } product)
        {
            return NotFound();
        }
        Product = product;
        Input = product.Form;
        Options = await query.OptionsAsync(ownerId, SiteText.IsEnglish, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId || await query.LoadAsync(ownerId, id, cancellationToken) is not { } product)
        {
            return NotFound();
        }
        Product = product;
        Input.Normalize();
        Options = await query.OptionsAsync(ownerId, SiteText.IsEnglish, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await save.RunAsync(User, id, Input, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/dasbor/produk");
        }
        ModelState.AddResult(result);
        if (result.Current is FieldConflict conflict)
        {
            // A second save now overwrites on purpose: the user has seen both versions.
            Conflict = conflict.Rows;
            Input.Version = conflict.Version;
        }
        return Page();
    }
}
