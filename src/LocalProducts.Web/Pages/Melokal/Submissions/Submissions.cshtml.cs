using LocalProducts.Web.Domain.Melokal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Melokal.Submissions;

/// The approved influencer's own page, opened from the link in the approval e-mail: their short
/// links with clicks, their posts with the history of figures, and a form to add a post or new
/// figures. The code travels in the link; a wrong or missing one is a 404, whatever the entry.
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SubmissionsModel(EntryPageQuery query, RecordPostCommand record) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kode")]
    public string? Code { get; set; }

    [BindProperty]
    public PostFiguresForm Input { get; set; } = new();

    [TempData]
    public string? Recorded { get; set; }

    public EntryPage View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int entryId, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(entryId, Code, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        Input.Platform = view.Platforms.Count > 0 ? view.Platforms[0].ToString() : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int entryId, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(entryId, Code, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await record.RunAsync(view.RoundId, view.EntryId, Input, MetricsSource.Influencer, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                Recorded = result.Notice;
                return Redirect($"/melokal/kiriman/{entryId}?kode={Uri.EscapeDataString(Code!)}");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        return Page();
    }
}
