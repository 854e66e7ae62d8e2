using LocalProducts.Web.Domain.Melokal;
using static LocalProducts.UnitTests.Domain.Melokal.MelokalExamples;

namespace LocalProducts.UnitTests.Domain.Melokal;

/// The same post address under two or more influencers.
public sealed class FlagRulesSharedUrlTests
{
    private const string Key = "https://instagram.com/p/ABC123";

    [Fact]
    public void SharedUrls_SameAddressUnderTwoInfluencers_FlagsEachPost()
    {
        var posts = new[] { Post(1, 1, Day(1)), Post(2, 2, Day(1)), Post(3, 3, Day(1)) };
        var keys = new Dictionary<long, string> { [1] = Key, [2] = Key, [3] = "https://instagram.com/p/OTHER" };

        var flags = FlagRules.SharedUrls(posts, keys).ToList();

        Assert.Equal([1L, 2L], flags.Select(f => f.PostId!.Value));
        Assert.All(flags, f =>
        {
            Assert.Equal(FlagRule.SharedUrl, f.Rule);
            Assert.Equal(2, f.Observed);
            Assert.Equal(Key, f.Figures);
        });
    }

    [Fact]
    public void SharedUrls_SameAddressTwiceForOneInfluencer_IsNotFlagged()
    {
        var posts = new[] { Post(1, 1, Day(1), SocialPlatform.Instagram), Post(2, 1, Day(1), SocialPlatform.Facebook) };
        var keys = new Dictionary<long, string> { [1] = Key, [2] = Key };

        Assert.Empty(FlagRules.SharedUrls(posts, keys));
    }

    [Fact]
    public void SharedUrls_PostsWithoutAnAddressKey_AreSkipped()
    {
        var posts = new[] { Post(1, 1, Day(1)), Post(2, 2, Day(1)) };

        Assert.Empty(FlagRules.SharedUrls(posts, new Dictionary<long, string> { [1] = Key }));
    }
}
