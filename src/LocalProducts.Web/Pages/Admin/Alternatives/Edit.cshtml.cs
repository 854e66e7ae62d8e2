using LocalProducts.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Alternatives;

/// Add (no id) or change a local alternative.
public sealed class EditModel(AppDbContext db, SaveAlternativeCommand save) : PageModel
{
    [BindProperty]
    public AlternativeForm Input { get; set; } = new();

    public int? Id { get; private set; }

    public bool IsNew => Id is null;

    /// The categories to choose from, top-level ones first with their children after them.
    public IReadOnlyList<(string Slug, string Name, bool IsChild)> Categories { get; private set; } = [];

    /// Someone else saved first: what they saved beside what was typed.
    public IReadOnlyList<ConflictRow> Conflict { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is not null)
        {
            var alternative = await db.LocalAlternatives.AsNoTracking().Include(a => a.Categories).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (alternative is null)
            {
                return NotFound();
            }
            Input = AlternativeForm.From(alternative);
        }
        await LoadCategoriesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        await LoadCategoriesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await save.RunAsync(User, id, Input, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/admin/alternatif-lokal?q=" + Uri.EscapeDataString(Domain.Alternatives.LocalAlternative.Normalize(Input.Term)));
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

    private async Task LoadCategoriesAsync(CancellationToken cancellationToken) =>
        Categories = (await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder)
                .Select(c => new { c.Slug, c.Name, c.ParentId }).ToListAsync(cancellationToken))
            .Select(c => (c.Slug, c.Name, c.ParentId is not null)).ToList();
}
