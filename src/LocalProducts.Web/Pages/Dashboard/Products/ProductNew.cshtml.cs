using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Products;

public sealed class ProductNewModel(ProductFormQuery query, SaveProductCommand save) : PageModel
{
    [BindProperty]
    public ProductForm Input { get; set; } = new ProductForm().Normalize();

    public ProductFormOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return Forbid();
        }
        Options = await query.OptionsAsync(ownerId, SiteText.IsEnglish, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return Forbid();
        }
        Input.Normalize();
        Options = await query.OptionsAsync(ownerId, SiteText.IsEnglish, cancellationToken);
        if (Options.Ikm is null || !ModelState.IsValid)
        {
            return Page();
        }
        var result = await save.RunAsync(User, null, Input, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/dasbor/produk");
        }
        ModelState.AddResult(result);
        return Page();
    }
}
