using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Synonyms;

/// Asks before deleting a synonym pair; the delete is a POST of the version shown.
public sealed class DeleteModel(AppDbContext db, DeleteSynonymCommand delete) : PageModel
{
    [BindProperty]
    public uint Version { get; set; }

    public SearchSynonym Synonym { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await delete.RunAsync(User, id, Version, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/admin/pencarian/sinonim");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result, nameof(Version));
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var synonym = await db.SearchSynonyms.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (synonym is null)
        {
            return false;
        }
        Synonym = synonym;
        Version = synonym.Version;
        return true;
    }
}
