using LocalProducts.Web.Domain.ESmart;

namespace LocalProducts.UnitTests.Domain.ESmart;

public sealed class CohortApplicationTests
{
    private static readonly DateTimeOffset _now = new(2027, 3, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid _staff = Guid.NewGuid();

    private static CohortModule Module(int id, string name)
    {
        var module = new CohortModule { Name = name, NameEn = name };
        typeof(CohortModule).GetProperty(nameof(CohortModule.Id))!.SetValue(module, id);
        return module;
    }

    private static readonly CohortModule[] _modules = [Module(1, "Foto produk"), Module(2, "Pemasaran digital"), Module(3, "Sertifikasi halal dan TKDN")];

    private static CohortApplication Applied() => CohortApplication.Create(7, 42, _now, Guid.NewGuid());

    [Fact]
    public void Accept_TakesASeatWhileFewerThanCapacityHoldOne_ThenTheWaitingList()
    {
        const int capacity = 2;
        var applications = Enumerable.Range(0, 4).Select(_ => Applied()).ToList();
        var seats = 0;

        var states = applications.Select(a =>
        {
            var state = a.Accept(seats, capacity, _now, _staff);
            seats += a.HoldsSeat ? 1 : 0;
            return state;
        }).ToList();

        Assert.Equal([CohortApplicationState.Accepted, CohortApplicationState.Accepted, CohortApplicationState.Waitlisted, CohortApplicationState.Waitlisted], states);
        Assert.Equal(2, seats);
        Assert.All(applications, a => Assert.Equal(_staff, a.DecidedBy));
    }

    [Fact]
    public void Accept_Waitlisted_TakesAFreedSeat_ButKeepsItsPlaceWhileStillFull()
    {
        var application = Applied();
        application.Accept(5, 5, _now, _staff);
        var waitlistedAt = application.DecidedAt;

        Assert.Equal(CohortApplicationState.Waitlisted, application.Accept(5, 5, _now.AddHours(1), _staff));
        Assert.Equal(waitlistedAt, application.DecidedAt);

        Assert.Equal(CohortApplicationState.Accepted, application.Accept(4, 5, _now.AddHours(2), _staff));
        Assert.Equal(_now.AddHours(2), application.DecidedAt);
    }

    [Fact]
    public void Accept_AnAcceptedOrDeclinedApplication_Throws()
    {
        var accepted = Applied();
        accepted.Accept(0, 1, _now, _staff);
        var declined = Applied();
        declined.Decline("Bukan IKM pangan.", _now, _staff);

        Assert.Throws<InvalidOperationException>(() => accepted.Accept(0, 1, _now, _staff));
        Assert.Throws<InvalidOperationException>(() => declined.Accept(0, 1, _now, _staff));
    }

    [Fact]
    public void CompleteModule_EveryModule_SetsCompletedAtOnce()
    {
        var application = Applied();
        application.Accept(0, 10, _now, _staff);

        Assert.False(application.CompleteModule(_modules[0], _modules, _now.AddDays(1), _staff));
        Assert.False(application.CompleteModule(_modules[1], _modules, _now.AddDays(2), _staff));
        Assert.Null(application.CompletedAt);
        Assert.True(application.CompleteModule(_modules[2], _modules, _now.AddDays(3), _staff));
        Assert.Equal(_now.AddDays(3), application.CompletedAt);

        // Marking a module again changes nothing, the completion date included.
        Assert.False(application.CompleteModule(_modules[2], _modules, _now.AddDays(4), _staff));
        Assert.Equal(3, application.Completions.Count);
        Assert.Equal(_now.AddDays(3), application.CompletedAt);
    }

    [Fact]
    public void CompleteModule_WithoutASeat_Throws()
    {
        var waiting = Applied();
        waiting.Accept(1, 1, _now, _staff);

        Assert.Throws<InvalidOperationException>(() => waiting.CompleteModule(_modules[0], _modules, _now, _staff));
        Assert.Throws<InvalidOperationException>(() => Applied().CompleteModule(_modules[0], _modules, _now, _staff));
    }

    [Fact]
    public void Decline_KeepsTheNote_AndFreesTheSeat()
    {
        var application = Applied();
        application.Accept(0, 1, _now, _staff);

        application.Decline("  Sudah ikut kelas lain.  ", _now, _staff);

        Assert.Equal(CohortApplicationState.Declined, application.State);
        Assert.False(application.HoldsSeat);
        Assert.Equal("Sudah ikut kelas lain.", application.Note);
    }

    [Fact]
    public void Decline_AfterAModuleWasCompleted_OrTwice_Throws()
    {
        var started = Applied();
        started.Accept(0, 1, _now, _staff);
        started.CompleteModule(_modules[0], _modules, _now, _staff);
        var declined = Applied();
        declined.Decline(null, _now, _staff);

        Assert.Throws<InvalidOperationException>(() => started.Decline(null, _now, _staff));
        Assert.Throws<InvalidOperationException>(() => declined.Decline(null, _now, _staff));
        Assert.Null(declined.Note);
    }
}
