using LocalProducts.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Synonyms;

/// Add (no id) or change a synonym pair.
public sealed class EditModel(AppDbContext db, SaveSynonymCommand save) : PageModel
{
    [BindProperty]
    public SynonymForm Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool IsNew => Id is null;

    /// Someone else saved first: what they saved beside what was typed.
    public IReadOnlyList<ConflictRow> Conflict { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is not null)
        {
            var synonym = await db.SearchSynonyms.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (synonym is null)
            {
                return NotFound();
            }
            Input = SynonymForm.From(synonym);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await save.RunAsync(User, id, Input, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/admin/pencarian/sinonim?q=" + Uri.EscapeDataString(Domain.Search.SearchSynonym.Normalize(Input.Word)));
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        if (result.Current is FieldConflict current)
        {
            Conflict = current.Rows;
            Input.Version = current.Version;
        }
        return Page();
    }
}
