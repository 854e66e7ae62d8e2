using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Melokal.Content;

/// Staff record a post and its figures by hand for one of the round's approved influencers, with
/// the same command (and rules) as the influencer's own page.
public sealed class AddModel(AddPostFormQuery query, RecordPostCommand record, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public int? EntryId { get; set; }

    [BindProperty]
    public PostFiguresForm Input { get; set; } = new();

    public AddPostForm View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "influencer")] int? entryId, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        EntryId = entryId;
        Input.Platform = view.Platforms.Count > 0 ? view.Platforms[0].ToString() : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        if (EntryId is not { } entryId || view.Influencers.All(i => i.EntryId != entryId))
        {
            ModelState.AddModelError(nameof(EntryId), text["Pilih salah satu influencer yang disetujui di putaran ini."]);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await record.RunAsync(id, entryId, Input, MetricsSource.Staff, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect($"/admin/melokal/{id}/konten#influencer-{entryId}");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        return Page();
    }
}
