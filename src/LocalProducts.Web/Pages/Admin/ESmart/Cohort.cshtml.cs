using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Pages.Charts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.ESmart;

/// One cohort for staff: applications (accept, decline), the completion grid and CSV upload,
/// curation of graduates, and the funnel.
public sealed class CohortModel(
    CohortStaffQuery query, DecideApplicationCommand decide, SaveCompletionGridCommand grid, ImportCompletionsCommand import,
    MarkCuratedCommand curate, IStringLocalizer<SharedResource> text) : PageModel
{
    public CohortStaffView View { get; private set; } = null!;

    public Chart FunnelChart { get; private set; } = null!;

    public IReadOnlyList<CompletionCsvProblem> CsvProblems { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(int id, int applicationId, CancellationToken cancellationToken) =>
        DoAsync(id, staff => decide.AcceptAsync(id, applicationId, staff, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(int id, int applicationId, string? note, CancellationToken cancellationToken) =>
        DoAsync(id, staff => decide.DeclineAsync(id, applicationId, note, staff, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCompletionsAsync(int id, [FromForm(Name = "selesai")] string[]? done, CancellationToken cancellationToken) =>
        DoAsync(id, staff => grid.RunAsync(id, done ?? [], staff, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCurateAsync(int id, int applicationId, CancellationToken cancellationToken) =>
        DoAsync(id, staff => curate.RunAsync(id, applicationId, staff, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostCsvAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } staff)
        {
            return Forbid();
        }
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", text["Pilih berkas CSV."]);
            return await ShowAsync(id, cancellationToken);
        }
        if (file.Length > ImportCompletionsCommand.MaxFileBytes)
        {
            ModelState.AddModelError("", text["Berkas terlalu besar (paling besar {0} MB).", ImportCompletionsCommand.MaxFileBytes / 1024 / 1024]);
            return await ShowAsync(id, cancellationToken);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var outcome = await import.RunAsync(id, buffer.ToArray(), staff, cancellationToken);
        CsvProblems = outcome.Problems;
        return await AfterAsync(id, outcome.Result, cancellationToken);
    }

    private async Task<IActionResult> DoAsync(int id, Func<Guid, Task<CommandResult>> run, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } staff)
        {
            return Forbid();
        }
        return await AfterAsync(id, await run(staff), cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, CommandResult result, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect($"/admin/e-smart/{id}");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        var f = view.Funnel;
        FunnelChart = new Chart(
            "corong",
            text["Corong kelas {0}", view.Name],
            f.Ended
                ? text["{0} IKM mendaftar, {1} diterima, {2} lulus, {3} berjualan daring setelah kelas.", f.Applied, f.Accepted, f.Completed, f.SellingOnline]
                : text["{0} IKM mendaftar, {1} diterima, {2} lulus. Yang berjualan daring dihitung setelah kelas selesai.", f.Applied, f.Accepted, f.Completed],
            ChartShape.Bar,
            ChartValueKind.Count,
            [text["Mendaftar"], text["Diterima"], text["Lulus"], text["Berjualan daring setelah kelas"]],
            [new ChartSeries(text["IKM"], [f.Applied, f.Accepted, f.Completed, f.SellingOnline])]);
        return Page();
    }
}
