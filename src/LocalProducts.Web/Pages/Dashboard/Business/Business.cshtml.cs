using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Business;

/// Register or edit the owner's IKM. The area lists depend on each other and work without
/// JavaScript: the "Pilih" buttons post the form back with the next list filled, keeping what was
/// typed; with JavaScript, wwwroot/js/area-select.js fills the lists in place.
public sealed class BusinessModel(BusinessFormQuery query, AreaOptionsQuery areas, SaveBusinessCommand save) : PageModel
{
    [BindProperty]
    public BusinessForm Input { get; set; } = new();

    /// Set by a "Pilih" button: reload the lists, validate nothing, save nothing.
    [BindProperty(Name = "pilih")]
    public string? Choose { get; set; }

    public bool IsNew { get; private set; } = true;
    public VerificationState? Verification { get; private set; }
    public string? RejectionReason { get; private set; }
    /// The owner's IKM, once registered: for the link to its QR code.
    public int? IkmId { get; private set; }
    public AreaChoices Areas { get; private set; } = null!;
    public IReadOnlyList<ConflictRow> Conflict { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return Forbid();
        }
        if (await LoadStateAsync(ownerId, cancellationToken) is { } saved)
        {
            Input = saved;
        }
        await LoadAreasAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return Forbid();
        }
        await LoadStateAsync(ownerId, cancellationToken);
        if (Choose is not null)
        {
            ModelState.Clear();
            await LoadAreasAsync(cancellationToken);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            await LoadAreasAsync(cancellationToken);
            return Page();
        }

        var result = await save.RunAsync(User, Input, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/dasbor");
        }
        ModelState.AddResult(result);
        if (result.Current is FieldConflict conflict)
        {
            // A second save now overwrites on purpose: the user has seen both versions.
            Conflict = conflict.Rows;
            Input.Version = conflict.Version;
        }
        await LoadAreasAsync(cancellationToken);
        return Page();
    }

    private async Task<BusinessForm?> LoadStateAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var state = await query.RunAsync(ownerId, cancellationToken);
        IsNew = state is null;
        Verification = state?.Verification;
        RejectionReason = state?.RejectionReason;
        IkmId = state?.IkmId;
        return state?.Form;
    }

    private async Task LoadAreasAsync(CancellationToken cancellationToken)
    {
        Areas = await areas.RunAsync(Input.ProvinceCode, Input.RegencyCode, Input.DistrictCode, cancellationToken);
        if (Choose is not null)
        {
            // The province changed: a regency (and district) of another province no longer applies.
            Input.ProvinceCode = Areas.ProvinceCode;
            Input.RegencyCode = Areas.RegencyCode;
            Input.DistrictCode = Areas.DistrictCode;
        }
    }
}
