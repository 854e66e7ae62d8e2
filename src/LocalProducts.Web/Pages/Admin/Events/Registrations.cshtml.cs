using System.Globalization;
using CsvHelper;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Events;

/// The people signed up for one event: attendance, cancellations (the waiting list moves up) and
/// the list as CSV.
public sealed class RegistrationsModel(
    EventRegistrationsQuery query, MarkAttendanceCommand markAttendance, CancelRegistrationCommand cancel) : PageModel
{
    public EventRegistrations View { get; private set; } = null!;

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAttendanceAsync(int id, [FromForm(Name = "hadir")] int[]? attended, CancellationToken cancellationToken)
    {
        if (!await markAttendance.RunAsync(id, (attended ?? []).ToHashSet(), cancellationToken))
        {
            return NotFound();
        }
        Saved = "attendance";
        return Redirect($"/admin/acara/{id}/peserta");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, int registrationId, CancellationToken cancellationToken)
    {
        if (!await cancel.RunAsync(id, registrationId, cancellationToken))
        {
            return NotFound();
        }
        Saved = "cancelled";
        return Redirect($"/admin/acara/{id}/peserta");
    }

    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        using var output = new MemoryStream();
        // Escape (quote-prefix) cells a spreadsheet would run as formulas; a byte-order mark so
        // spreadsheet programs read the names as UTF-8.
        await using (var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(["nama", "email", "whatsapp", "peran", "status", "terdaftar_wib", "hadir_wib"]);
            foreach (var row in view.Rows)
            {
                csv.WriteRecord([
                    row.Name,
                    row.Email,
                    row.WhatsApp ?? "",
                    row.Role.ToString().ToLowerInvariant(),
                    row.Status.ToString().ToLowerInvariant(),
                    Wib.ToWib(row.RegisteredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    row.AttendedAt is { } at ? Wib.ToWib(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
                ]);
            }
        }
        var bytes = output.ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"peserta-{view.Slug}.csv");
    }
}
