using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.UnitTests.Domain.Melokal;

public sealed class ModifiedZScoreTests
{
    [Fact]
    public void ModifiedZScore_UsesTheMedianDeviation()
    {
        // Median 3, deviations 2, 1, 0, 1, 97: MAD 1, so 100 scores 0.6745 × 97.
        double[] values = [1, 2, 3, 4, 100];

        Assert.Equal(65.4265, FlagRules.ModifiedZScore(100, values), 4);
        Assert.Equal(0, FlagRules.ModifiedZScore(3, values));
    }

    [Fact]
    public void ModifiedZScore_WithoutMedianDeviation_UsesTheMeanDeviation()
    {
        // Median 5, deviations 0, 0, 0, 0, 10: MAD 0, mean deviation 2.
        double[] values = [5, 5, 5, 5, 15];

        Assert.Equal(10 / (1.253314 * 2), FlagRules.ModifiedZScore(15, values), 6);
        Assert.Equal(0, FlagRules.ModifiedZScore(9, [4, 4, 4]));
    }

    [Fact]
    public void OutlierRates_FlagsTheOnePostFarAboveTheRest()
    {
        var rules = new ScoringRules(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new HashSet<SocialPlatform> { SocialPlatform.Instagram }, false, 1,
            new HashSet<int>(), new HashSet<int>());
        var taken = new DateTimeOffset(2027, 1, 13, 0, 0, 0, TimeSpan.Zero);
        var posts = Enumerable.Range(1, 8).Select(i => new PostFacts(i, i, SocialPlatform.Instagram, taken.AddDays(-1), null, null, false,
            [new SnapshotFacts(taken, new PostMetrics(10_000, i == 8 ? 5_000 : 300 + (i * 10), 10, 0, 0, null))])).ToList();
        var scores = RoundScoring.Score(rules, posts.Select(p => new EntryFacts(p.EntryId, $"E{p.EntryId}", false, 0)), posts);

        var flag = Assert.Single(FlagRules.OutlierRates(scores));

        Assert.Equal(8, flag.PostId);
    }
}
