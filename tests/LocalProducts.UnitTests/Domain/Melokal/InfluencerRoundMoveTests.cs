using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.UnitTests.Domain.Melokal;

/// Worked examples of a round's life: draft → open for sign-up → monitoring → scoring, with the
/// two steps back, each recorded with who, when and why.
public sealed class InfluencerRoundMoveTests
{
    private static readonly DateTimeOffset _now = new(2030, 2, 1, 3, 0, 0, TimeSpan.Zero);

    private static InfluencerRound NewRound() => new() { Slug = "melokal-jakarta", Title = "Melokal Jakarta", WindowStartsOn = new DateOnly(2030, 2, 1) };

    [Fact]
    public void MoveTo_EachStepForward_IsRecorded_WithWhoWhenAndWhy()
    {
        var round = NewRound();

        Assert.True(round.MoveTo(RoundState.OpenForSignUp, _now, "Sari", "Hadiah sudah pasti"));
        Assert.True(round.MoveTo(RoundState.Monitoring, _now.AddDays(1), "Budi"));
        Assert.True(round.MoveTo(RoundState.Scoring, _now.AddDays(8), "Sari"));

        Assert.Equal(RoundState.Scoring, round.State);
        Assert.Equal(
            [(RoundState.Draft, RoundState.OpenForSignUp, "Sari", "Hadiah sudah pasti"), (RoundState.OpenForSignUp, RoundState.Monitoring, "Budi", null),
                (RoundState.Monitoring, RoundState.Scoring, "Sari", null)],
            round.StateChanges.Select(c => (c.From, c.To, c.By, c.Reason)));
        Assert.Equal(_now.AddDays(8), round.UpdatedAt);
    }

    [Theory]
    [InlineData(RoundState.Draft, RoundState.Monitoring)]
    [InlineData(RoundState.Draft, RoundState.Final)]
    [InlineData(RoundState.Draft, RoundState.Draft)]
    public void MoveTo_AStepNotOffered_IsRefused_AndRecordsNothing(RoundState from, RoundState to)
    {
        var round = NewRound();
        Assert.Equal(from, round.State);

        Assert.False(round.MoveTo(to, _now, "Sari"));

        Assert.Equal(from, round.State);
        Assert.Empty(round.StateChanges);
    }

    [Fact]
    public void MovesFromHere_OfferTheStepsBackOnlyFromSignUpAndScoring()
    {
        var round = NewRound();
        Assert.Equal([RoundState.OpenForSignUp], round.MovesFromHere());
        round.MoveTo(RoundState.OpenForSignUp, _now, "Sari");
        Assert.Equal([RoundState.Monitoring, RoundState.Draft], round.MovesFromHere());
        round.MoveTo(RoundState.Monitoring, _now, "Sari");
        Assert.Equal([RoundState.Scoring], round.MovesFromHere());
        Assert.False(round.MoveTo(RoundState.OpenForSignUp, _now, "Sari"));
        round.MoveTo(RoundState.Scoring, _now, "Sari");
        Assert.Equal([RoundState.Monitoring], round.MovesFromHere());
    }

    [Fact]
    public void SettingsEditable_OnlyBeforeMonitoringStarts()
    {
        var round = NewRound();
        Assert.True(round.SettingsEditable);
        round.MoveTo(RoundState.OpenForSignUp, _now, "Sari");
        Assert.True(round.SettingsEditable);
        round.MoveTo(RoundState.Monitoring, _now, "Sari");
        Assert.False(round.SettingsEditable);
        round.MoveTo(RoundState.Scoring, _now, "Sari");
        round.MoveTo(RoundState.Monitoring, _now, "Sari");
        Assert.False(round.SettingsEditable);
    }

    [Theory]
    // 10 March 18.00 UTC is 11 March 01.00 WIB: the window starts on 12 March.
    [InlineData("2030-03-10T18:00:00+00:00", "2030-03-12")]
    // 10 March 16.59 UTC is still 10 March 23.59 WIB.
    [InlineData("2030-03-10T16:59:00+00:00", "2030-03-11")]
    public void DefaultWindowStartAfter_IsTheDayAfterTheEventInWib(string eventStartsAt, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            InfluencerRound.DefaultWindowStartAfter(DateTimeOffset.Parse(eventStartsAt, System.Globalization.CultureInfo.InvariantCulture)));
}
