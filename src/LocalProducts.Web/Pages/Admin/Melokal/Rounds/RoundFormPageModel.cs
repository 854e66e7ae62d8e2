using LocalProducts.Web.Pages.Admin.Campaigns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

/// What the new-round and edit-round pages share: the form, its choices and the save.
public abstract class RoundFormPageModel(RoundEditorQuery editor, SaveRoundCommand save) : PageModel
{
    [BindProperty]
    public RoundForm Input { get; set; } = new();

    /// The round as saved; null for a new one.
    public RoundEditorView? Round { get; protected set; }

    public IReadOnlyList<CampaignOption> Campaigns { get; private set; } = [];

    public IReadOnlyList<EventOption> Events { get; private set; } = [];

    public IReadOnlyList<CategoryChoice> Categories { get; private set; } = [];

    public IReadOnlyList<FeatureChoice> Products { get; private set; } = [];

    /// Someone else saved first: what they saved beside what was typed.
    public IReadOnlyList<ConflictRow> Conflict { get; private set; } = [];

    public bool IsNew => Round is null;

    public bool SettingsEditable => Round?.SettingsEditable ?? true;

    public bool PrizesEditable => Round?.PrizesEditable ?? true;

    protected async Task LoadAsync(CancellationToken cancellationToken)
    {
        Input.PadPrizes();
        Campaigns = await editor.CampaignsAsync(cancellationToken);
        Events = await editor.EventsAsync(cancellationToken);
        Categories = await editor.CategoriesAsync(cancellationToken);
        Products = await editor.ProductChoicesAsync(Input.CampaignId, Input.ProductIds, cancellationToken);
    }

    protected async Task<IActionResult> SaveAsync(int? id, CancellationToken cancellationToken)
    {
        var result = await save.RunAsync(User, id, Input, ModelState.IsValid, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect($"/admin/melokal/{result.Id}");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        if (result.Current is FieldConflict current)
        {
            Conflict = current.Rows;
            Input.Version = current.Version;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }
}
