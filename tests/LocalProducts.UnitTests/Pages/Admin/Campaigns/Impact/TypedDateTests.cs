using LocalProducts.Web.Pages.Admin.Campaigns.Impact;

namespace LocalProducts.UnitTests.Pages.Admin.Campaigns.Impact;

public sealed class TypedDateTests
{
    [Theory]
    [InlineData("2026-03-01")]
    [InlineData("2026-3-1")]
    [InlineData("01/03/2026")]
    [InlineData("1/3/2026")]
    [InlineData(" 01/03/2026 ")]
    public void Parse_IsoOrDayFirst_IsTheFirstOfMarch(string typed) =>
        Assert.Equal(new DateOnly(2026, 3, 1), TypedDate.Parse(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("30/02/2026")]
    [InlineData("03/31/2026")]
    [InlineData("01-03-2026")]
    [InlineData("1 Maret 2026")]
    public void Parse_AnythingElse_IsNull(string? typed) => Assert.Null(TypedDate.Parse(typed));
}
