using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class PostTests
{
    [Theory]
    [InlineData("Satu atau dua kalimat yang cukup panjang", 1)]
    [InlineData("", 1)]
    public void ReadingMinutes_IsAtLeastOne(string body, int minutes) => Assert.Equal(minutes, Post.ReadingMinutes(body));

    [Fact]
    public void ReadingMinutes_RoundsUpAt200WordsAMinute() =>
        Assert.Equal(3, Post.ReadingMinutes(string.Join(' ', Enumerable.Repeat("kata", 401))));
}
