using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class CampaignTests
{
    [Fact]
    public void PhaseOn_IsUpcomingRunningOrPast_ByWibDate()
    {
        var campaign = new Campaign { Slug = "satu-dalam-kopi", Name = "Satu Dalam Kopi", Hashtag = "#SatuDalamKopi", StartsOn = new(2020, 4, 1), EndsOn = new(2020, 4, 30) };

        Assert.Equal(CampaignPhase.Upcoming, campaign.PhaseOn(new(2020, 3, 31)));
        Assert.Equal(CampaignPhase.Running, campaign.PhaseOn(new(2020, 4, 30)));
        Assert.Equal(CampaignPhase.Past, campaign.PhaseOn(new(2020, 5, 1)));
    }

    [Fact]
    public void PhaseOn_OpenEnded_RunsOn()
    {
        var campaign = new Campaign { Slug = "melokal", Name = "Melokal", Hashtag = "#Melokal", StartsOn = new(2023, 2, 1) };

        Assert.Equal(CampaignPhase.Running, campaign.PhaseOn(new(2030, 1, 1)));
    }

    [Theory]
    [InlineData("#SatuDalamKopi", true)]
    [InlineData("#Bangga_Buatan_Indonesia2026", true)]
    [InlineData("#Melokal", true)]
    [InlineData("SatuDalamKopi", false)]
    [InlineData("#Satu Dalam Kopi", false)]
    [InlineData("#satu-dalam-kopi", false)]
    [InlineData("#", false)]
    [InlineData("##Kopi", false)]
    [InlineData("#<script>", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidHashtag_StartsWithHash_NoSpaces(string? hashtag, bool valid) => Assert.Equal(valid, Campaign.IsValidHashtag(hashtag));

    [Fact]
    public void AreValidDates_EndNotBeforeStart()
    {
        var start = new DateOnly(2026, 4, 1);

        Assert.True(Campaign.AreValidDates(start, null));
        Assert.True(Campaign.AreValidDates(start, start));
        Assert.True(Campaign.AreValidDates(start, start.AddDays(29)));
        Assert.False(Campaign.AreValidDates(start, start.AddDays(-1)));
    }

    [Fact]
    public void SetFeatured_ReplacesTheChoices()
    {
        var campaign = new Campaign { Slug = "c", Name = "C", Hashtag = "#C" };
        var kopi = new Category { Slug = "kopi", Name = "Kopi", NameEn = "Coffee" };
        var batik = new Category { Slug = "batik", Name = "Batik", NameEn = "Batik" };
        campaign.FeatureCategory(kopi);

        campaign.SetFeatured([batik, batik], [], []);

        Assert.Equal([batik], campaign.FeaturedCategories);
    }
}
