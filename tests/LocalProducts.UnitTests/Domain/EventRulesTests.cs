using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Events;

namespace LocalProducts.UnitTests.Domain;

public sealed class EventRulesTests
{
    [Theory]
    [InlineData(0, 3, RegistrationStatus.Confirmed)]
    [InlineData(2, 3, RegistrationStatus.Confirmed)]
    [InlineData(3, 3, RegistrationStatus.Waitlisted)]
    [InlineData(4, 3, RegistrationStatus.Waitlisted)]
    public void NewRegistration_GetsAPlaceOnlyWhilePlacesRemain(int confirmed, int capacity, RegistrationStatus expected) =>
        Assert.Equal(expected, CampaignEvent.StatusForNewRegistration(confirmed, capacity));

    [Theory]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("(0811) 234 567", "+62811234567")]
    [InlineData("021 555 1234", null)]
    [InlineData("0812", null)]
    [InlineData("+1 415 555 0100", null)]
    [InlineData("0812 3456 7890 ext", null)]
    [InlineData("<script>", null)]
    public void WhatsAppNumber_IsWrittenAsPlus62(string typed, string? expected) =>
        Assert.Equal(expected, WhatsAppNumber.Normalize(typed));

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
