using LocalProducts.Web.Domain.Melokal;
using static LocalProducts.UnitTests.Domain.Melokal.MelokalExamples;

namespace LocalProducts.UnitTests.Domain.Melokal;

/// A post whose rate is an outlier among the round's scored posts: modified z-score above 3.5,
/// with the median absolute deviation, or the mean absolute deviation when that is 0; five posts
/// at least.
public sealed class FlagRulesOutlierTests
{
    [Fact]
    public void ModifiedZScore_UsesTheMedianAbsoluteDeviation()
    {
        // Median 0.03; deviations 0.02, 0.01, 0, 0.01, 0.17 → MAD 0.01.
        // z(0.20) = 0.6745 × 0.17 / 0.01 = 11.4665; z(0.04) = 0.6745.
        double[] rates = [0.01, 0.02, 0.03, 0.04, 0.20];

        Assert.Equal(11.4665, FlagRules.ModifiedZScore(0.20, rates), 4);
        Assert.Equal(0.6745, FlagRules.ModifiedZScore(0.04, rates), 4);
        Assert.Equal(-1.349, FlagRules.ModifiedZScore(0.01, rates), 4);
    }

    [Fact]
    public void ModifiedZScore_MadOfZero_FallsBackToTheMeanAbsoluteDeviation()
    {
        // Four of five equal: MAD 0. Mean absolute deviation (0 + 0 + 0 + 0 + 0.03) / 5 = 0.006;
        // z(0.05) = 0.03 / (1.253314 × 0.006) = 3.9894.
        double[] rates = [0.02, 0.02, 0.02, 0.02, 0.05];

        Assert.Equal(3.9894, FlagRules.ModifiedZScore(0.05, rates), 4);
        Assert.Equal(0, FlagRules.ModifiedZScore(0.02, rates));
    }

    [Fact]
    public void ModifiedZScore_ValuesThatDoNotVary_AreZero() => Assert.Equal(0, FlagRules.ModifiedZScore(0.02, [0.02, 0.02, 0.02]));

    [Fact]
    public void OutlierRates_FlagsOnlyThePostAboveTheCutOff()
    {
        var scores = Scores([0.01, 0.02, 0.03, 0.04, 0.20]);

        var flag = Assert.Single(FlagRules.OutlierRates(scores));

        Assert.Equal(FlagRule.OutlierRate, flag.Rule);
        Assert.Equal(5, flag.PostId);
        Assert.Equal(11.47, flag.Observed);
        Assert.Equal(3.5, flag.Limit);
        Assert.Equal("0.2000 vs 0.0300", flag.Figures);
    }

    [Fact]
    public void OutlierRates_WithTheFallback_FlagsTheOddPostOut()
    {
        var flag = Assert.Single(FlagRules.OutlierRates(Scores([0.02, 0.02, 0.02, 0.02, 0.05])));

        Assert.Equal(3.99, flag.Observed);
    }

    [Fact]
    public void OutlierRates_FewerThanFiveScoredPosts_FlagNothing()
    {
        Assert.Empty(FlagRules.OutlierRates(Scores([0.01, 0.02, 0.03, 0.90])));
    }

    [Fact]
    public void OutlierRates_AnExcludedInfluencersPosts_AreLeftOutOfThePopulation()
    {
        // Without the excluded influencer only four posts remain: nothing to compare against.
        var scores = Scores([0.01, 0.02, 0.03, 0.90]).Append(Score(99, [0.02], excluded: true)).ToList();

        Assert.Empty(FlagRules.OutlierRates(scores));
    }

    /// One influencer per rate, post ids 1, 2, 3… in order.
    private static List<EntryScore> Scores(double[] rates) =>
        [.. rates.Select((rate, i) => Score(i + 1, [rate]))];

    private static EntryScore Score(int entryId, double[] rates, bool excluded = false)
    {
        var posts = rates.Select((rate, i) => PostWithRate((entryId * 100) + i, entryId, rate)).ToList();
        if (rates.Length == 1)
        {
            posts = [PostWithRate(entryId, entryId, rates[0])];
        }
        return RoundScoring.ScoreEntry(Rules(minimumPosts: 1), Entry(entryId, excluded), posts);
    }
}
