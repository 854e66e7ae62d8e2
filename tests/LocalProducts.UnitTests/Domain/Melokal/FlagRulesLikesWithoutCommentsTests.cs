using LocalProducts.Web.Domain.Melokal;
using static LocalProducts.UnitTests.Domain.Melokal.MelokalExamples;

namespace LocalProducts.UnitTests.Domain.Melokal;

/// A scored post with at least 1,000 likes and more than 200 likes for each comment.
public sealed class FlagRulesLikesWithoutCommentsTests
{
    [Theory]
    [InlineData(1_000, 4, 250.0)]
    [InlineData(5_000, 0, 5_000.0)]
    public void LikesWithoutComments_MoreThan200LikesPerComment_RaisesAFlag(int likes, int comments, double perComment)
    {
        var flag = Assert.Single(FlagRules.LikesWithoutComments(ScoresOf(likes, comments)));

        Assert.Equal(FlagRule.LikesWithoutComments, flag.Rule);
        Assert.Equal(1, flag.PostId);
        Assert.Equal(perComment, flag.Observed);
        Assert.Equal(200, flag.Limit);
        Assert.Equal($"{likes} / {comments}", flag.Figures);
    }

    [Theory]
    [InlineData(1_000, 5)]
    [InlineData(999, 0)]
    [InlineData(5_000, null)]
    public void LikesWithoutComments_AtMost200PerComment_FewerThan1000Likes_OrCommentsHidden_RaisesNothing(int likes, int? comments)
    {
        Assert.Empty(FlagRules.LikesWithoutComments(ScoresOf(likes, comments)));
    }

    [Fact]
    public void LikesWithoutComments_AnUnscoredPost_IsNotChecked()
    {
        var post = Post(1, 1, WindowEnd.AddDays(1), snapshots: Snap(Day(3), followers: 100_000, likes: 9_000, comments: 0));
        var score = RoundScoring.ScoreEntry(Rules(), Entry(1), [post]);

        Assert.Empty(FlagRules.LikesWithoutComments([score]));
    }

    private static IReadOnlyList<EntryScore> ScoresOf(int likes, int? comments) =>
        [RoundScoring.ScoreEntry(Rules(), Entry(1), [Post(1, 1, Day(1), snapshots: Snap(Day(3), followers: 100_000, likes: likes, comments: comments))])];
}
