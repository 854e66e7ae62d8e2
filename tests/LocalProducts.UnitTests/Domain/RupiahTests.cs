using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class RupiahTests
{
    [Theory]
    [InlineData(0, "Rp 0")]
    [InlineData(500, "Rp 500")]
    [InlineData(25000, "Rp 25.000")]
    [InlineData(1250000, "Rp 1.250.000")]
    [InlineData(45000000, "Rp 45.000.000")]
    [InlineData(-7500, "-Rp 7.500")]
    public void ToString_UsesDotsForThousands_AndNoDecimals(long amount, string expected) =>
        Assert.Equal(expected, new Rupiah(amount).ToString());

    [Fact]
    public void FormatRange_ShowsARange_OnlyWhenTheHighestIsAbove() =>
        Assert.Equal(
            ["Rp 25.000", "Rp 25.000 – Rp 40.000", "Rp 25.000"],
            [Rupiah.FormatRange(25000, null), Rupiah.FormatRange(25000, 40000), Rupiah.FormatRange(25000, 25000)]);
}
