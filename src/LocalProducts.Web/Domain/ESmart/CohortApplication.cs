namespace LocalProducts.Web.Domain.ESmart;

public enum CohortApplicationState
{
    Applied = 1,
    Accepted = 2,
    /// The class was full: first in line when a seat frees.
    Waitlisted = 3,
    Declined = 4,
    Withdrawn = 5,
}

/// A verified IKM's application to a cohort, then its seat and its modules completed.
public sealed class CohortApplication
{
    public const int NoteMaxLength = 500;

    private readonly List<ModuleCompletion> _completions = [];

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public ESmartCohort? Cohort { get; private set; }
    public int IkmId { get; private set; }
    public Ikm? Ikm { get; private set; }
    public CohortApplicationState State { get; private set; } = CohortApplicationState.Applied;
    public DateTimeOffset AppliedAt { get; private set; }
    public Guid? AppliedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public string? Note { get; private set; }
    /// Set when the last module is marked: the IKM is an e-Smart IKM alumnus from then.
    public DateTimeOffset? CompletedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<ModuleCompletion> Completions => _completions;

    public static CohortApplication Create(int cohortId, int ikmId, DateTimeOffset now, Guid? by) =>
        new() { CohortId = cohortId, IkmId = ikmId, AppliedAt = now.ToUniversalTime(), AppliedBy = by };

    public bool HoldsSeat => State == CohortApplicationState.Accepted;

    /// Staff accept: a seat when fewer than the capacity hold one (counted under the cohort's row
    /// lock by the caller), else the waiting list.
    public CohortApplicationState Accept(int seatsTaken, int capacity, DateTimeOffset now, Guid by)
    {
        if (State is not (CohortApplicationState.Applied or CohortApplicationState.Waitlisted))
        {
            throw new InvalidOperationException("Only a waiting application can be accepted.");
        }
        var next = seatsTaken < capacity ? CohortApplicationState.Accepted : CohortApplicationState.Waitlisted;
        if (next == State)
        {
            // Still full: the application keeps its place on the waiting list.
            return State;
        }
        State = next;
        Decide(now, by, null);
        return State;
    }

    public void Decline(string? note, DateTimeOffset now, Guid by)
    {
        if (State is not (CohortApplicationState.Applied or CohortApplicationState.Waitlisted or CohortApplicationState.Accepted))
        {
            throw new InvalidOperationException("This application is closed already.");
        }
        if (_completions.Count > 0)
        {
            throw new InvalidOperationException("A participant with completed modules cannot be declined.");
        }
        State = CohortApplicationState.Declined;
        Decide(now, by, note);
    }

    /// Marks one module done; returns true when that completed every module of the cohort.
    public bool CompleteModule(CohortModule module, IReadOnlyCollection<CohortModule> allModules, DateTimeOffset now, Guid? by)
    {
        if (!HoldsSeat)
        {
            throw new InvalidOperationException("Only an accepted participant completes modules.");
        }
        if (_completions.Any(c => c.ModuleId == module.Id))
        {
            return false;
        }
        _completions.Add(new ModuleCompletion { ModuleId = module.Id, CompletedAt = now.ToUniversalTime(), RecordedBy = by });
        if (CompletedAt is null && allModules.All(m => _completions.Any(c => c.ModuleId == m.Id)))
        {
            CompletedAt = now.ToUniversalTime();
            return true;
        }
        return false;
    }

    private void Decide(DateTimeOffset now, Guid by, string? note)
    {
        DecidedAt = now.ToUniversalTime();
        DecidedBy = by;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

public sealed class ModuleCompletion
{
    public int ApplicationId { get; private set; }
    public int ModuleId { get; init; }
    public DateTimeOffset CompletedAt { get; init; }
    public Guid? RecordedBy { get; init; }
}
