using LocalProducts.Web.Domain.Melokal;
using static LocalProducts.UnitTests.Domain.Melokal.MelokalExamples;

namespace LocalProducts.UnitTests.Domain.Melokal;

/// An influencer's score is the median of their posts' rates; the mean is shown beside it.
public sealed class RoundScoringMedianTests
{
    [Fact]
    public void Median_OddCount_IsTheMiddleValue() => Assert.Equal(0.02, RoundScoring.Median([0.03, 0.01, 0.02]));

    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheTwoMiddleValues() => Assert.Equal(0.025, RoundScoring.Median([0.01, 0.04, 0.02, 0.03])!.Value, 12);

    [Fact]
    public void Median_OneValue_IsThatValue() => Assert.Equal(0.05, RoundScoring.Median([0.05]));

    [Fact]
    public void Median_NoValues_IsNull() => Assert.Null(RoundScoring.Median([]));

    [Fact]
    public void ScoreEntry_OneViralPost_MovesTheMeanButNotTheMedian()
    {
        // Rates 1 %, 2 % and 6 %: median 2 %, mean 3 %; engagements 100 + 200 + 600.
        var posts = new[] { PostWithRate(1, 1, 0.01), PostWithRate(2, 1, 0.02), PostWithRate(3, 1, 0.06) };

        var score = RoundScoring.ScoreEntry(Rules(), Entry(1), posts);

        Assert.Equal(0.02, score.MedianRate!.Value, 10);
        Assert.Equal(0.03, score.MeanRate!.Value, 10);
        Assert.Equal(900, score.Engagements);
        Assert.Equal(3, score.ScoredPosts);
    }

    [Fact]
    public void ScoreEntry_UnscoredPosts_AreListedButLeftOutOfTheMedianAndMean()
    {
        var posts = new[]
        {
            PostWithRate(1, 1, 0.01),
            PostWithRate(2, 1, 0.03),
            PostWithRate(3, 1, 0.50, postedAt: WindowStart.AddDays(-1)),
        };

        var score = RoundScoring.ScoreEntry(Rules(), Entry(1), posts);

        Assert.Equal(3, score.Posts.Count);
        Assert.Equal(2, score.ScoredPosts);
        Assert.Equal(0.02, score.MedianRate!.Value, 10);
        Assert.Equal(0.02, score.MeanRate!.Value, 10);
        Assert.Equal(Day(1), score.FirstPostAt);
    }

    [Fact]
    public void ScoreEntry_NoScoredPosts_HasNoMedianNorMean()
    {
        var score = RoundScoring.ScoreEntry(Rules(), Entry(1), []);

        Assert.Null(score.MedianRate);
        Assert.Null(score.MeanRate);
        Assert.Null(score.FirstPostAt);
        Assert.Equal(UnrankedReason.TooFewPosts, score.Unranked);
    }
}
