using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class ListingCompletenessTests
{
    [Fact]
    public void Evaluate_EmptyListingWithPrice_ScoresPriceOnly_AndAsksForPhotosFirst()
    {
        var score = ListingCompleteness.Evaluate(new ListingFacts(PhotoCount: 0, DescriptionLength: 10, PriceMin: 25_000, CertificationCount: 0, MarketplaceLinkCount: 0));

        Assert.Equal(15, score.Score);
        Assert.Equal(ListingPart.Photos, score.Next);
        Assert.Equal([ListingPart.Photos, ListingPart.Description, ListingPart.MarketplaceLinks, ListingPart.Certifications], score.Missing);
    }

    [Fact]
    public void Evaluate_CompleteListing_Scores100_WithNothingNext()
    {
        var score = ListingCompleteness.Evaluate(new ListingFacts(3, 250, 85_000, 2, 3));

        Assert.Equal(100, score.Score);
        Assert.Null(score.Next);
    }

    [Theory]
    // Photos 30, description 20, links 20, certificates 15, price 15.
    [InlineData(1, 0, 0, 0, 0, 30)]
    [InlineData(0, 100, 0, 0, 0, 20)]
    [InlineData(0, 99, 0, 0, 0, 0)]
    [InlineData(0, 0, 1, 0, 0, 20)]
    [InlineData(0, 0, 0, 1, 0, 15)]
    [InlineData(0, 0, 0, 0, 1, 15)]
    [InlineData(1, 100, 1, 0, 1, 85)]
    public void Evaluate_AddsTheWeightOfEachPart(int photos, int description, int links, int certificates, long price, int expected) =>
        Assert.Equal(expected, ListingCompleteness.Evaluate(new ListingFacts(photos, description, price, certificates, links)).Score);

    [Fact]
    public void Evaluate_WithPhotos_NextIsTheDescription() =>
        Assert.Equal(ListingPart.Description, ListingCompleteness.Evaluate(new ListingFacts(1, 0, 1, 0, 0)).Next);
}
