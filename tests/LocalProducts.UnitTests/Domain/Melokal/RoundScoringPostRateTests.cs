using LocalProducts.Web.Domain.Melokal;
using static LocalProducts.UnitTests.Domain.Melokal.MelokalExamples;

namespace LocalProducts.UnitTests.Domain.Melokal;

/// A post's engagement rate, on worked examples.
public sealed class RoundScoringPostRateTests
{
    [Fact]
    public void ScorePost_ByFollowers_DividesLikesCommentsSharesAndSavesByFollowers()
    {
        // (300 + 50 + 20 + 30) / 10,000 = 0.04
        var post = Post(1, 1, Day(1), snapshots: Snap(Day(2), followers: 10_000, likes: 300, comments: 50, shares: 20, saves: 30, views: 99_999));

        var score = RoundScoring.ScorePost(Rules(), post);

        Assert.Equal(RateBasis.Followers, score.Basis);
        Assert.Equal(0.04, score.Rate!.Value, 10);
        Assert.Equal(400, score.Engagements);
        Assert.False(score.Partial);
        Assert.Null(score.Unscored);
    }

    [Fact]
    public void ScorePost_VideoInARoundScoredByViews_DividesLikesCommentsSharesByViews_WithoutSaves()
    {
        // (300 + 50 + 50) / 20,000 = 0.02; the 100 saves do not count.
        var post = Post(1, 1, Day(1), SocialPlatform.TikTok,
            snapshots: Snap(Day(2), followers: 1_000, likes: 300, comments: 50, shares: 50, saves: 100, views: 20_000));

        var score = RoundScoring.ScorePost(Rules(videoByViews: true), post);

        Assert.Equal(RateBasis.Views, score.Basis);
        Assert.Equal(0.02, score.Rate!.Value, 10);
        Assert.Equal(400, score.Engagements);
    }

    [Theory]
    [InlineData(SocialPlatform.TikTok, true, RateBasis.Views)]
    [InlineData(SocialPlatform.YouTube, true, RateBasis.Views)]
    [InlineData(SocialPlatform.Instagram, true, RateBasis.Followers)]
    [InlineData(SocialPlatform.X, true, RateBasis.Followers)]
    [InlineData(SocialPlatform.Facebook, true, RateBasis.Followers)]
    [InlineData(SocialPlatform.TikTok, false, RateBasis.Followers)]
    public void BasisFor_OnlyVideoPlatformsInARoundScoredByViews_UseViews(SocialPlatform platform, bool byViews, RateBasis expected) =>
        Assert.Equal(expected, Rules(videoByViews: byViews).BasisFor(platform));

    [Fact]
    public void ScorePost_SomeCountsHidden_IsScoredOnWhatIsKnown_AndMarkedPartial()
    {
        // Comments hidden: (300 + 20 + 80) / 10,000 = 0.04, partial.
        var post = Post(1, 1, Day(1), snapshots: Snap(Day(2), likes: 300, comments: null, shares: 20, saves: 80));

        var score = RoundScoring.ScorePost(Rules(), post);

        Assert.Equal(0.04, score.Rate!.Value, 10);
        Assert.True(score.Partial);
    }

    [Fact]
    public void ScorePost_EveryCountHidden_IsNotScored()
    {
        var post = Post(1, 1, Day(1), snapshots: Snap(Day(2)));

        var score = RoundScoring.ScorePost(Rules(), post);

        Assert.False(score.IsScored);
        Assert.Equal(UnscoredReason.AllCountsHidden, score.Unscored);
    }

    [Fact]
    public void ScorePost_ByViews_OnlySavesKnown_IsNotScored_BecauseSavesDoNotCountThere()
    {
        var post = Post(1, 1, Day(1), SocialPlatform.YouTube, snapshots: Snap(Day(2), saves: 40, views: 5_000));

        Assert.Equal(UnscoredReason.AllCountsHidden, RoundScoring.ScorePost(Rules(videoByViews: true), post).Unscored);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    public void ScorePost_ZeroOrMissingFollowers_IsNotScored(int? followers)
    {
        var post = Post(1, 1, Day(1), snapshots: Snap(Day(2), followers: followers, likes: 300));

        Assert.Equal(UnscoredReason.FollowersUnknown, RoundScoring.ScorePost(Rules(), post).Unscored);
    }

    [Fact]
    public void ScorePost_ZeroViews_InARoundScoredByViews_IsNotScored()
    {
        var post = Post(1, 1, Day(1), SocialPlatform.TikTok, snapshots: Snap(Day(2), likes: 300, views: 0));

        Assert.Equal(UnscoredReason.ViewsUnknown, RoundScoring.ScorePost(Rules(videoByViews: true), post).Unscored);
    }

    [Fact]
    public void ScorePost_PostedBeforeOrAtTheEndOfTheWindow_IsNotScored_ButAtItsStartIs()
    {
        var snap = Snap(Day(3), likes: 100);

        Assert.Equal(UnscoredReason.OutsideWindow, RoundScoring.ScorePost(Rules(), Post(1, 1, WindowStart.AddMinutes(-1), snapshots: snap)).Unscored);
        Assert.Equal(UnscoredReason.OutsideWindow, RoundScoring.ScorePost(Rules(), Post(1, 1, WindowEnd, snapshots: snap)).Unscored);
        Assert.True(RoundScoring.ScorePost(Rules(), Post(1, 1, WindowStart, snapshots: snap)).IsScored);
    }

    [Fact]
    public void ScorePost_UsesTheLastSnapshotTakenInsideTheWindow()
    {
        var post = Post(1, 1, Day(1), snapshots:
        [
            Snap(Day(5), likes: 400),
            Snap(Day(2), likes: 100),
            Snap(WindowEnd.AddHours(1), likes: 900),
        ]);

        var score = RoundScoring.ScorePost(Rules(), post);

        Assert.Equal(Day(5), score.Counted!.TakenAt);
        Assert.Equal(0.04, score.Rate!.Value, 10);
    }

    [Fact]
    public void ScorePost_NoSnapshotInsideTheWindow_IsNotScored()
    {
        var post = Post(1, 1, Day(1), snapshots: Snap(WindowEnd.AddDays(2), likes: 900));

        Assert.Equal(UnscoredReason.NoFiguresInWindow, RoundScoring.ScorePost(Rules(), post).Unscored);
    }

    [Fact]
    public void ScorePost_OnAPlatformTheRoundDoesNotCount_IsNotScored()
    {
        var post = Post(1, 1, Day(1), SocialPlatform.TikTok, snapshots: Snap(Day(2), likes: 300));

        Assert.Equal(UnscoredReason.PlatformNotCounted, RoundScoring.ScorePost(Rules(platforms: [SocialPlatform.Instagram]), post).Unscored);
    }

    [Fact]
    public void ScorePost_RoundNamingProducts_ScoresOnlyPostsAboutThemOrTheirCategories()
    {
        var rules = Rules(products: [7], categories: [3]);
        var snap = Snap(Day(2), likes: 300);

        Assert.True(RoundScoring.ScorePost(rules, Post(1, 1, Day(1), product: 7, category: 1, snapshots: snap)).IsScored);
        Assert.True(RoundScoring.ScorePost(rules, Post(2, 1, Day(1), product: 9, category: 3, snapshots: snap)).IsScored);
        Assert.Equal(UnscoredReason.NotAboutRoundProducts, RoundScoring.ScorePost(rules, Post(3, 1, Day(1), product: 8, category: 1, snapshots: snap)).Unscored);
        Assert.Equal(UnscoredReason.NotAboutRoundProducts, RoundScoring.ScorePost(rules, Post(4, 1, Day(1), snapshots: snap)).Unscored);
    }

    [Fact]
    public void ScorePost_RoundNamingNoProducts_ScoresAPostAboutAnything()
    {
        Assert.True(RoundScoring.ScorePost(Rules(), Post(1, 1, Day(1), product: 8, snapshots: Snap(Day(2), likes: 300))).IsScored);
    }

    [Fact]
    public void ScorePost_ExcludedByStaff_IsNotScored_WhateverItsFigures()
    {
        var post = Post(1, 1, Day(1), excluded: true, snapshots: Snap(Day(2), likes: 300));

        var score = RoundScoring.ScorePost(Rules(), post);

        Assert.Equal(UnscoredReason.Excluded, score.Unscored);
        Assert.Equal(0, score.Engagements);
    }
}
