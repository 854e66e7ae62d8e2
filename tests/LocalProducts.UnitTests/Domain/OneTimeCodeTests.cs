using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class OneTimeCodeTests
{
    [Fact]
    public void New_KeepsOnlyAHashThatMatchesTheCodeAndNothingElse()
    {
        var (code, hash) = OneTimeCode.New();
        var (other, _) = OneTimeCode.New();

        Assert.Equal(43, code.Length);
        Assert.DoesNotContain(code, hash, StringComparison.Ordinal);
        Assert.True(OneTimeCode.Matches(hash, code));
        Assert.False(OneTimeCode.Matches(hash, other));
        Assert.False(OneTimeCode.Matches(hash, code + "A"));
        Assert.False(OneTimeCode.Matches(hash, ""));
        Assert.False(OneTimeCode.Matches(null, code));
    }
}
