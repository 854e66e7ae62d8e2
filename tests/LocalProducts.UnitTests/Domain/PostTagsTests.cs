using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class PostTagsTests
{
    [Theory]
    [InlineData("Kopi, #Penjualan  Daring, kopi", new[] { "kopi", "penjualan daring" })]
    [InlineData("  ", new string[0])]
    [InlineData("e-Smart IKM;pelatihan\nlokapasar", new[] { "e-smart ikm", "pelatihan", "lokapasar" })]
    [InlineData("#, ,##", new string[0])]
    [InlineData("Fesyen Muslim", new[] { "fesyen muslim" })]
    public void Normalise_LowerCase_NoHash_SingleSpaces_NoRepeats(string typed, string[] expected) =>
        Assert.Equal(expected, PostTags.Normalise(typed));

    [Fact]
    public void TooMany_And_TooLong_AreReported()
    {
        Assert.True(PostTags.TooMany(PostTags.Normalise(string.Join(',', Enumerable.Range(1, PostTags.MaxCount + 1)))));
        Assert.False(PostTags.TooMany(PostTags.Normalise(string.Join(',', Enumerable.Range(1, PostTags.MaxCount)))));
        Assert.True(PostTags.TooLong([new string('k', PostTags.MaxLength + 1)]));
        Assert.False(PostTags.TooLong([new string('k', PostTags.MaxLength)]));
    }
}
