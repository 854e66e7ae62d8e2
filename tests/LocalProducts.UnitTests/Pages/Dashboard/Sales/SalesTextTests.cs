using LocalProducts.Web.Pages.Dashboard.Sales;

namespace LocalProducts.UnitTests.Pages.Dashboard.Sales;

public sealed class SalesTextTests
{
    [Theory]
    [InlineData("Rp 1.250.000", 1_250_000)]
    [InlineData("1.250.000", 1_250_000)]
    [InlineData("1250000", 1_250_000)]
    [InlineData("1,250,000", 1_250_000)]
    [InlineData("Rp1.250.000,-", 1_250_000)]
    [InlineData("1.250.000,00", 1_250_000)]
    [InlineData("1,250,000.00", 1_250_000)]
    [InlineData("-25.000", -25_000)]
    [InlineData("Rp -25.000", -25_000)]
    [InlineData("0", 0)]
    public void TryParseRupiah_ReadsWhatOwnersType(string text, long expected)
    {
        Assert.True(SalesText.TryParseRupiah(text, ".,", out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Rp")]
    [InlineData("12,5")]
    [InlineData("1.25.000")]
    [InlineData("satu juta")]
    [InlineData("1.250.000,50")]
    public void TryParseRupiah_RefusesWhatIsNotWholeRupiah(string text) =>
        Assert.False(SalesText.TryParseRupiah(text, ".,", out _));

    [Theory]
    [InlineData("12", 12)]
    [InlineData("1.200", 1200)]
    [InlineData("1,200", 1200)]
    [InlineData("-3", -3)]
    public void TryParseWhole_ReadsUnits(string text, long expected)
    {
        Assert.True(SalesText.TryParseWhole(text, ".,", out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("2026-11-05")]
    [InlineData("05/11/2026")]
    [InlineData("5/11/2026")]
    [InlineData("05-11-2026")]
    public void TryParseDay_DayFirst(string text)
    {
        Assert.True(SalesText.TryParseDay(text, out var day));
        Assert.Equal(new DateOnly(2026, 11, 5), day);
    }

    [Theory]
    [InlineData("2026-11")]
    [InlineData("11/2026")]
    [InlineData("11-2026")]
    [InlineData("2026-11-20")]
    public void TryParseMonth_IsTheFirstDay(string text)
    {
        Assert.True(SalesText.TryParseMonth(text, out var month));
        Assert.Equal(new DateOnly(2026, 11, 1), month);
    }

    [Theory]
    [InlineData("13/2026")]
    [InlineData("November")]
    [InlineData("")]
    public void TryParseMonth_RefusesOthers(string text) => Assert.False(SalesText.TryParseMonth(text, out _));
}
