using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class IkmQrisTests
{
    private static Ikm NewIkm() => new() { Slug = "x", Name = "X", Nib = "9120001000001", ProvinceCode = "11", RegencyCode = "11.73" };

    [Theory]
    [InlineData("  KOPI   BATUR  SANGRAI ", "KOPI BATUR SANGRAI")]
    [InlineData("Toko\tBatur", "Toko Batur")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void CleanQrisMerchantName_TrimsAndJoinsSpaces(string? typed, string? cleaned) =>
        Assert.Equal(cleaned, Ikm.CleanQrisMerchantName(typed));

    [Theory]
    [InlineData("KOPI BATUR", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("KOPI\u0007BATUR", false)]
    public void IsValidQrisMerchantName_WantsPrintableText(string? name, bool valid) =>
        Assert.Equal(valid, Ikm.IsValidQrisMerchantName(name));

    [Fact]
    public void IsValidQrisMerchantName_AllowsAtMostTheColumnLength()
    {
        Assert.True(Ikm.IsValidQrisMerchantName(new string('A', Ikm.QrisMerchantNameMaxLength)));
        Assert.False(Ikm.IsValidQrisMerchantName(new string('A', Ikm.QrisMerchantNameMaxLength + 1)));
    }

    [Fact]
    public void ReplaceQris_ReturnsThePreviousImage_AndKeepsTheCleanedName()
    {
        var ikm = NewIkm();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        Assert.Null(ikm.ReplaceQris(first, " KOPI  BATUR "));
        Assert.Equal("KOPI BATUR", ikm.QrisMerchantName);
        Assert.Equal(first, ikm.ReplaceQris(second, "KOPI BATUR 2"));
        // The same image with a corrected name: nothing to delete.
        Assert.Null(ikm.ReplaceQris(second, "KOPI BATUR SANGRAI"));
        Assert.Equal((second, "KOPI BATUR SANGRAI"), (ikm.QrisImageId!.Value, ikm.QrisMerchantName));
    }

    [Fact]
    public void ReplaceQris_WithNoImage_ClearsTheName()
    {
        var ikm = NewIkm();
        var image = Guid.NewGuid();
        ikm.ReplaceQris(image, "KOPI BATUR");

        Assert.Equal(image, ikm.ReplaceQris(null, "KOPI BATUR"));
        Assert.Null(ikm.QrisImageId);
        Assert.Null(ikm.QrisMerchantName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void ReplaceQris_ImageWithoutMerchantName_IsRefused(string? name)
    {
        var ikm = NewIkm();

        Assert.Throws<ArgumentException>(() => ikm.ReplaceQris(Guid.NewGuid(), name));
        Assert.Null(ikm.QrisImageId);
    }
}
