using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;

namespace LocalProducts.UnitTests.Domain.ESmart;

public sealed class ESmartParticipantTests
{
    private static readonly DateOnly _day = new(2026, 5, 10);

    private static Ikm Ikm() => new() { Slug = "ikm-uji", Name = "IKM Uji", Nib = "1234567890123", ProvinceCode = "51", RegencyCode = "51.06" };

    [Fact]
    public void FromRecord_DatesInOrder_KeepsThem()
    {
        var participant = ESmartParticipant.FromRecord("35", 3, _day, _day.AddDays(20), _day.AddDays(60));

        Assert.Equal(_day.AddDays(20), participant.TrainedOn);
        Assert.Equal(_day.AddDays(60), participant.CuratedOn);
        Assert.Equal(ParticipantSource.Record, participant.Source);
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(10, 5)]
    [InlineData(null, 5)]
    public void FromRecord_DatesOutOfOrder_OrCuratedUntrained_Throws(int? trainedAfter, int? curatedAfter)
    {
        DateOnly? trained = trainedAfter is { } t ? _day.AddDays(t) : null;
        DateOnly? curated = curatedAfter is { } c ? _day.AddDays(c) : null;

        Assert.Throws<ArgumentException>(() => ESmartParticipant.FromRecord("35", null, _day, trained, curated));
    }

    [Fact]
    public void Trained_KeepsTheFirstDate()
    {
        var participant = ESmartParticipant.ForIkm(Ikm(), 4, _day);

        participant.Trained(_day.AddDays(14));
        participant.Trained(_day.AddDays(90));

        Assert.Equal(_day.AddDays(14), participant.TrainedOn);
        Assert.Equal("51", participant.ProvinceCode);
        Assert.Equal(ParticipantSource.Cohort, participant.Source);
    }

    [Fact]
    public void Curated_OnlyWhenTrained()
    {
        var participant = ESmartParticipant.ForIkm(Ikm(), null, _day);

        Assert.Throws<InvalidOperationException>(() => participant.Curated(_day.AddDays(1)));
        Assert.Null(participant.CuratedOn);

        participant.Trained(_day.AddDays(14));
        participant.Curated(_day.AddDays(30));
        participant.Curated(_day.AddDays(40));

        Assert.Equal(_day.AddDays(30), participant.CuratedOn);
    }
}
