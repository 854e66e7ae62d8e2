using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Campaigns.Impact;

/// Staff choose what a campaign's impact page computes: covered and control categories, the
/// campaign and baseline periods, the months of growth before it, a note, and whether it is public.
public sealed class ImpactPlanEditModel(ImpactPlanEditorQuery editor, SaveImpactPlanCommand save) : PageModel
{
    [BindProperty]
    public ImpactPlanForm Input { get; set; } = new();

    public ImpactPlanCampaign Campaign { get; private set; } = null!;

    public IReadOnlyList<LeafCategory> Categories { get; private set; } = [];

    /// The plan as saved, when there is one.
    public ImpactPlanSnapshot? Plan { get; private set; }

    public ImpactPlanSnapshot? Conflict { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = Plan is { } plan ? ImpactPlanForm.From(plan) : ImpactPlanForm.NewFor(Campaign, await editor.FeaturedLeavesAsync(id, Categories, cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var result = await save.RunAsync(User, id, Input, ModelState.IsValid, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                Saved = "saved";
                return Redirect($"/admin/kampanye/{id}/dampak");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        if (result.Status == CommandStatus.Conflict)
        {
            Conflict = result.Current as ImpactPlanSnapshot;
            Plan = Conflict;
            Input.Version = Conflict?.Version ?? 0;
        }
        return Page();
    }

    public string CategoryName(int id) => Categories.FirstOrDefault(c => c.Id == id)?.Name ?? $"#{id}";

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.CampaignAsync(id, cancellationToken) is not { } campaign)
        {
            return false;
        }
        Campaign = campaign;
        Categories = await editor.LeavesAsync(cancellationToken);
        Plan = await editor.PlanAsync(id, cancellationToken);
        return true;
    }
}
