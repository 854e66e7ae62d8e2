using LocalProducts.Web.Domain.Melokal;
using static LocalProducts.UnitTests.Domain.Melokal.MelokalExamples;

namespace LocalProducts.UnitTests.Domain.Melokal;

/// The minimum posts rule and the tie rule: higher median; then more engagements in total; then
/// the earlier first post; then the earlier sign-up.
public sealed class RoundScoringRankTests
{
    [Fact]
    public void Score_FewerScoredPostsThanTheMinimum_IsListedNotRanked()
    {
        var posts = new[]
        {
            PostWithRate(1, 1, 0.09),
            PostWithRate(2, 1, 0.09, postedAt: WindowEnd.AddDays(1)),
            PostWithRate(3, 2, 0.01),
            PostWithRate(4, 2, 0.02),
        };

        var scores = RoundScoring.Score(Rules(minimumPosts: 2), [Entry(1), Entry(2)], posts);

        Assert.Equal([2, 1], scores.Select(s => s.Entry.EntryId));
        Assert.Equal(1, scores[0].Rank);
        Assert.Null(scores[1].Rank);
        Assert.Equal(UnrankedReason.TooFewPosts, scores[1].Unranked);
    }

    [Fact]
    public void Score_MinimumOfZero_StillNeedsOneScoredPost()
    {
        var scores = RoundScoring.Score(Rules(minimumPosts: 0), [Entry(1), Entry(2)], [PostWithRate(1, 1, 0.01)]);

        Assert.Equal(1, scores.Single(s => s.Entry.EntryId == 1).Rank);
        Assert.Equal(UnrankedReason.TooFewPosts, scores.Single(s => s.Entry.EntryId == 2).Unranked);
    }

    [Fact]
    public void Score_ExcludedInfluencer_IsListedNotRanked_EvenWithTheBestPosts()
    {
        var posts = new[] { PostWithRate(1, 1, 0.30), PostWithRate(2, 1, 0.30), PostWithRate(3, 2, 0.01), PostWithRate(4, 2, 0.01) };

        var scores = RoundScoring.Score(Rules(), [Entry(1, excluded: true), Entry(2)], posts);

        Assert.Equal(1, scores.Single(s => s.Entry.EntryId == 2).Rank);
        Assert.Equal(UnrankedReason.Excluded, scores.Single(s => s.Entry.EntryId == 1).Unranked);
    }

    [Fact]
    public void Score_HigherMedianRanksFirst_EvenWithFewerEngagements()
    {
        // Entry 1: 5 % and 5 % (1,000 engagements). Entry 2: 1 % and 4 % on bigger accounts... here
        // the same 10,000 followers: median 2.5 % (500 engagements).
        var posts = new[] { PostWithRate(1, 1, 0.05), PostWithRate(2, 1, 0.05), PostWithRate(3, 2, 0.01), PostWithRate(4, 2, 0.04) };

        var scores = RoundScoring.Score(Rules(), [Entry(2), Entry(1)], posts);

        Assert.Equal([1, 2], scores.Select(s => s.Entry.EntryId));
        Assert.Equal([1, 2], scores.Select(s => s.Rank!.Value));
    }

    [Fact]
    public void CompareForRank_EqualMedians_MoreEngagementsInTotalWins()
    {
        var fewer = Ranked(1, median: 0.04, engagements: 800, firstPost: Day(1));
        var more = Ranked(2, median: 0.04, engagements: 1_200, firstPost: Day(3));

        Assert.True(RoundScoring.CompareForRank(more, fewer) < 0);
        Assert.True(RoundScoring.CompareForRank(fewer, more) > 0);
    }

    [Fact]
    public void CompareForRank_EqualMediansAndEngagements_EarlierFirstPostWins()
    {
        var earlier = Ranked(2, median: 0.04, engagements: 800, firstPost: Day(1, 9));
        var later = Ranked(1, median: 0.04, engagements: 800, firstPost: Day(1, 11));

        Assert.True(RoundScoring.CompareForRank(earlier, later) < 0);
    }

    [Fact]
    public void CompareForRank_AllElseEqual_EarlierSignUpWins_SoNoRankIsShared()
    {
        var first = Ranked(3, median: 0.04, engagements: 800, firstPost: Day(1));
        var second = Ranked(7, median: 0.04, engagements: 800, firstPost: Day(1));

        Assert.True(RoundScoring.CompareForRank(first, second) < 0);
        Assert.True(RoundScoring.CompareForRank(second, first) > 0);
    }

    [Fact]
    public void Score_TieRule_EndToEnd()
    {
        // All three have a 2 % median. Entry 3 has the most engagements (bigger account, same rate);
        // entries 1 and 2 tie on engagements, and entry 2 posted first.
        var posts = new[]
        {
            PostWithRate(1, 1, 0.02, Day(2)), PostWithRate(2, 1, 0.02, Day(3)),
            PostWithRate(3, 2, 0.02, Day(1)), PostWithRate(4, 2, 0.02, Day(3)),
            Post(5, 3, Day(4), snapshots: Snap(Day(5), followers: 50_000, likes: 1_000)),
            Post(6, 3, Day(4), snapshots: Snap(Day(5), followers: 50_000, likes: 1_000)),
        };

        var scores = RoundScoring.Score(Rules(), [Entry(1), Entry(2), Entry(3)], posts);

        Assert.Equal([3, 2, 1], scores.Select(s => s.Entry.EntryId));
    }

    [Fact]
    public void Score_MediansEqualButForFloatingPointNoise_TieAndGoToEngagements()
    {
        // Entry 1: 10 % and 20 %, median (0.1 + 0.2) / 2, which a double holds as 0.15000000000000002.
        // Entry 2: 15 % three times, median 0.15, and more engagements (4,500 against 3,000).
        // The medians are the same 15 %: the tie rule, not the last bit, decides.
        var posts = new[]
        {
            PostWithRate(1, 1, 0.10), PostWithRate(2, 1, 0.20),
            PostWithRate(3, 2, 0.15), PostWithRate(4, 2, 0.15), PostWithRate(5, 2, 0.15),
        };

        var scores = RoundScoring.Score(Rules(), [Entry(1), Entry(2)], posts);

        Assert.NotEqual(scores[0].MedianRate, scores[1].MedianRate);
        Assert.Equal([2, 1], scores.Select(s => s.Entry.EntryId));
    }

    private static EntryScore Ranked(int entryId, double median, long engagements, DateTimeOffset firstPost) =>
        new(Entry(entryId), [], 2, median, median, engagements, firstPost, null, null);
}
