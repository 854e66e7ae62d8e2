using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin;

/// The audit log viewer: who changed what and when (WIB), newest first, filtered and paged.
public sealed class AuditModel(AuditLogQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "aktor")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "jenis")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "aksi")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "dari")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "sampai")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public AuditPage View { get; private set; } = null!;
    public bool BadDates { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var from = ParseDay(From);
        var to = ParseDay(To);
        BadDates = (From is { Length: > 0 } && from is null) || (To is { Length: > 0 } && to is null);
        View = await query.RunAsync(new AuditFilter(Limit(Actor), Limit(EntityType), Limit(EntityId), Limit(Action), from, to, PageNumber), cancellationToken);
    }

    public string PageUrl(int page) =>
        $"/admin/audit?aktor={Uri.EscapeDataString(Actor ?? "")}&jenis={Uri.EscapeDataString(EntityType ?? "")}&id={Uri.EscapeDataString(EntityId ?? "")}"
        + $"&aksi={Uri.EscapeDataString(Action ?? "")}&dari={Uri.EscapeDataString(From ?? "")}&sampai={Uri.EscapeDataString(To ?? "")}&halaman={page}";

    private static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Limit(string? value) => value is { Length: > 256 } ? value[..256] : value;
}
