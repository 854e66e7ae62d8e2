using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Events;

namespace LocalProducts.UnitTests.Pages.Events;

public sealed class EventCalendarTests
{
    [Fact]
    public void CalendarFile_EscapesTextAndFoldsLongLines()
    {
        var ev = new CampaignEvent
        {
            Slug = "ngobrol",
            Title = "Ngobrol santai; kopi, teh & cerita",
            Place = new string('x', 120),
            StartsAt = new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero),
            Capacity = 10,
        };

        var ics = EventCalendar.Write(ev, "https://melokal.example/acara/ngobrol");

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261205T080000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261205T100000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains(@"SUMMARY:Ngobrol santai\; kopi\, teh & cerita", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains("\r\n x", ics, StringComparison.Ordinal);
    }
}
