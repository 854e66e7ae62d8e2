using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class NibTests
{
    [Theory]
    [InlineData("9120001000001", true)]
    [InlineData("912000100000", false)]
    [InlineData("91200010000012", false)]
    [InlineData("91200010000a1", false)]
    [InlineData("９１２０００１０００００１", false)]
    [InlineData(null, false)]
    public void IsValid_AcceptsExactlyThirteenAsciiDigits(string? nib, bool valid) => Assert.Equal(valid, Nib.IsValid(nib));
}
