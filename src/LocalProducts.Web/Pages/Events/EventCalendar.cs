using System.Globalization;
using System.Text;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Events;

/// `/acara/{slug}/kalender.ics`: the event as an iCalendar file (RFC 5545) for any calendar app.
public static class EventCalendar
{
    public static void MapEventCalendar(this IEndpointRouteBuilder app) =>
        app.MapGet("/acara/{slug}/kalender.ics", async (string slug, HttpContext context, AppDbContext db, CancellationToken cancellationToken) =>
        {
            var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug && e.State != EventState.Draft, cancellationToken);
            if (ev is null)
            {
                return Results.NotFound();
            }
            var url = SiteText.AbsoluteUrl(context, $"/acara/{ev.Slug}");
            return Results.File(Encoding.UTF8.GetBytes(Write(ev, url)), "text/calendar; charset=utf-8", $"{ev.Slug}.ics");
        });

    public static string Write(CampaignEvent ev, string url)
    {
        var ics = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kementerian Perindustrian//Melokal//ID\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n")
            .Append("BEGIN:VEVENT\r\n");
        Line(ics, "UID", $"acara-{ev.Id}@melokal.kemenperin.go.id");
        Line(ics, "DTSTAMP", Utc(ev.UpdatedAt == default ? ev.CreatedAt : ev.UpdatedAt));
        Line(ics, "DTSTART", Utc(ev.StartsAt));
        Line(ics, "DTEND", Utc(ev.EndsAt ?? ev.StartsAt.AddHours(2)));
        Line(ics, "SUMMARY", Escape(ev.Title));
        if (ev.Place is not null)
        {
            Line(ics, "LOCATION", Escape(ev.Place));
        }
        Line(ics, "URL", url);
        if (ev.State == EventState.Cancelled)
        {
            Line(ics, "STATUS", "CANCELLED");
        }
        return ics.Append("END:VEVENT\r\nEND:VCALENDAR\r\n").ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).ReplaceLineEndings("\\n");

    /// Content lines fold at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence.
    private static void Line(StringBuilder ics, string name, string value)
    {
        var line = $"{name}:{value}";
        var bytes = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (bytes + size > 75)
            {
                ics.Append("\r\n ");
                bytes = 1;
            }
            ics.Append(rune.ToString());
            bytes += size;
        }
        ics.Append("\r\n");
    }
}
