using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Alternatives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Alternatives;

/// Asks before deleting a local alternative; the delete is a POST of the version shown.
public sealed class DeleteModel(AppDbContext db, DeleteAlternativeCommand delete) : PageModel
{
    [BindProperty]
    public uint Version { get; set; }

    public LocalAlternative Alternative { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await delete.RunAsync(User, id, Version, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/admin/alternatif-lokal");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result, nameof(Version));
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var alternative = await db.LocalAlternatives.AsNoTracking().Include(a => a.Categories).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alternative is null)
        {
            return false;
        }
        Alternative = alternative;
        Version = alternative.Version;
        return true;
    }
}
