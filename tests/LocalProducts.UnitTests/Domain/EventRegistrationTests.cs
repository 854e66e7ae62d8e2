using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

/// A place is held until the registrant proves the address is theirs.
public sealed class EventRegistrationTests
{
    private static readonly DateTimeOffset _monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _inAMonth = _monday.AddDays(30);

    private static EventRegistration New() => new() { EventId = 1, Name = "Sari", Email = "sari@contoh.test", RegisteredAt = _monday };

    [Fact]
    public void SignUp_HoldsThePlaceFor24Hours_AndReturnsACodeThatIsNotStored()
    {
        var registration = New();

        var code = registration.SignUp(RegistrationStatus.Held, _monday, _inAMonth);

        Assert.Equal(RegistrationStatus.Held, registration.Status);
        Assert.Equal(_monday.AddHours(24), registration.HoldExpiresAt);
        Assert.NotEqual(code, registration.ConfirmationHash);
        Assert.True(registration.IsConfirmationCode(code));
        Assert.False(registration.IsConfirmationCode(code + "x"));
        Assert.False(registration.IsConfirmationCode(null));
    }

    [Fact]
    public void SignUp_TheDayBeforeTheEvent_HoldsOnlyUntilItStarts()
    {
        var registration = New();

        registration.SignUp(RegistrationStatus.Held, _monday, _monday.AddHours(5));

        Assert.Equal(_monday.AddHours(5), registration.HoldExpiresAt);
    }

    [Fact]
    public void ConfirmEmail_WithinTheHold_TakesThePlace()
    {
        var registration = New();
        registration.SignUp(RegistrationStatus.Held, _monday, _inAMonth);

        Assert.Equal(RegistrationStatus.Confirmed, registration.ConfirmEmail(_monday.AddHours(2), placeFree: false));
        Assert.Equal(_monday.AddHours(2), registration.EmailConfirmedAt);
        Assert.Null(registration.HoldExpiresAt);
    }

    [Theory]
    [InlineData(true, RegistrationStatus.Confirmed)]
    [InlineData(false, RegistrationStatus.Waitlisted)]
    public void ConfirmEmail_AfterTheHoldRanOut_TakesAPlaceOnlyIfOneIsFree(bool placeFree, RegistrationStatus expected)
    {
        var registration = New();
        registration.SignUp(RegistrationStatus.Held, _monday, _inAMonth);
        Assert.True(registration.ExpireHold(_monday.AddHours(25)));

        Assert.Equal(expected, registration.ConfirmEmail(_monday.AddHours(26), placeFree));
    }

    [Fact]
    public void ExpireHold_BeforeItRunsOut_ChangesNothing()
    {
        var registration = New();
        registration.SignUp(RegistrationStatus.Held, _monday, _inAMonth);

        Assert.False(registration.ExpireHold(_monday.AddHours(23)));
        Assert.Equal(RegistrationStatus.Held, registration.Status);
    }

    [Fact]
    public void TakeFreedPlace_OnlyAWaitingRegistrantWithAConfirmedAddress()
    {
        var unconfirmed = New();
        unconfirmed.SignUp(RegistrationStatus.Waitlisted, _monday, _inAMonth);
        var confirmed = New();
        confirmed.SignUp(RegistrationStatus.Waitlisted, _monday, _inAMonth);
        confirmed.ConfirmEmail(_monday.AddHours(1), placeFree: false);

        Assert.False(unconfirmed.TakeFreedPlace());
        Assert.True(confirmed.TakeFreedPlace());
        Assert.Equal(RegistrationStatus.Confirmed, confirmed.Status);
    }
}
