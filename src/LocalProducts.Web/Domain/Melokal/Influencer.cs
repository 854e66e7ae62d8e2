namespace LocalProducts.Web.Domain.Melokal;

/// An influencer's profile, kept across rounds and found again by e-mail. The e-mail and
/// WhatsApp number are for staff only: no public page shows them.
public sealed class Influencer
{
    public const int NameMaxLength = 100;
    public const int CityMaxLength = 100;

    public int Id { get; private set; }
    public required string Name { get; set; }
    public required string City { get; set; }
    public required string Email { get; set; }
    /// Lower-case e-mail: one profile per address.
    public string EmailKey { get; private set; } = "";
    public string? WhatsApp { get; set; }
    /// The site account of the influencer, when they have one (optional).
    public Guid? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string KeyOf(string email) => email.Trim().ToLowerInvariant();

    public void NormaliseEmail()
    {
        Email = Email.Trim();
        EmailKey = KeyOf(Email);
    }
}

public enum EntryStatus
{
    /// Signed up; the e-mail is not confirmed yet, staff do not see it in the queue.
    Unconfirmed = 1,
    /// Confirmed; waits for staff.
    Pending = 2,
    Approved = 3,
    Declined = 4,
}

/// An influencer's place in one round.
public sealed class RoundEntry
{
    public const int ReasonMaxLength = 1000;
    /// How long a sign-up whose e-mail is not confirmed keeps its handles from others: past it,
    /// someone else signing up with one of them takes the handle and the stale sign-up goes.
    public static readonly TimeSpan UnconfirmedHoldsFor = TimeSpan.FromHours(24);

    private readonly List<EntryHandle> _handles = [];

    public int Id { get; private set; }
    public int RoundId { get; init; }
    public InfluencerRound? Round { get; private set; }
    public int InfluencerId { get; init; }
    public Influencer? Influencer { get; private set; }
    public EntryStatus Status { get; private set; } = EntryStatus.Unconfirmed;
    public DateTimeOffset SignedUpAt { get; init; }
    public DateTimeOffset? EmailConfirmedAt { get; private set; }
    /// SHA-256 of the code mailed to confirm the sign-up.
    public string? ConfirmationHash { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    /// Why staff declined (mailed to the influencer).
    public string? DeclineReason { get; private set; }
    /// SHA-256 of the influencer's own link for sending posts and figures (mailed on approval).
    public string? SubmissionHash { get; private set; }
    /// Excluded by staff when resolving a flag: listed, never ranked.
    public string? ExclusionReason { get; private set; }
    /// The event registration the sign-up came from, when it did.
    public int? EventRegistrationId { get; set; }
    public IReadOnlyList<EntryHandle> Handles => _handles;

    public bool IsExcluded => ExclusionReason is not null;

    /// Replaces the handles (one per platform).
    public void SetHandles(IEnumerable<EntryHandle> handles)
    {
        _handles.Clear();
        _handles.AddRange(handles.GroupBy(h => h.Platform).Select(g => g.Last()));
    }

    /// Starts (or starts again, for an unconfirmed sign-up) the confirmation by e-mail. Returns
    /// the code to mail.
    public string StartConfirmation()
    {
        (var code, ConfirmationHash) = OneTimeCode.New();
        return code;
    }

    public bool IsConfirmationCode(string? code) => OneTimeCode.Matches(ConfirmationHash, code);

    /// The influencer followed the mailed link: the entry goes to staff. True the first time.
    public bool ConfirmEmail(DateTimeOffset now)
    {
        if (Status != EntryStatus.Unconfirmed)
        {
            return false;
        }
        EmailConfirmedAt = now;
        Status = EntryStatus.Pending;
        return true;
    }

    /// Approves the entry; returns the code of the influencer's own link, to mail.
    public string? Approve(DateTimeOffset now, string by)
    {
        if (Status is not (EntryStatus.Pending or EntryStatus.Declined))
        {
            return null;
        }
        Status = EntryStatus.Approved;
        DecidedAt = now;
        DecidedBy = by;
        DeclineReason = null;
        (var code, SubmissionHash) = OneTimeCode.New();
        return code;
    }

    /// Declines with the reason given to the influencer.
    public bool Decline(DateTimeOffset now, string by, string reason)
    {
        if (Status is not (EntryStatus.Pending or EntryStatus.Approved) || string.IsNullOrWhiteSpace(reason))
        {
            return false;
        }
        Status = EntryStatus.Declined;
        DecidedAt = now;
        DecidedBy = by;
        DeclineReason = reason.Trim();
        SubmissionHash = null;
        return true;
    }

    public bool IsSubmissionCode(string? code) => Status == EntryStatus.Approved && OneTimeCode.Matches(SubmissionHash, code);

    public void Exclude(string reason) => ExclusionReason = reason.Trim();

    /// Undoes an exclusion (a change after final, with its reason recorded on the round).
    public void Reinstate() => ExclusionReason = null;
}

/// The influencer's account on one platform for the round, with the followers they stated.
public sealed class EntryHandle
{
    public const int HandleMaxLength = 100;

    public int EntryId { get; private set; }
    /// Repeated from the entry so that one handle belongs to one influencer per round.
    public int RoundId { get; init; }
    public SocialPlatform Platform { get; init; }
    /// Without the "@", as typed otherwise.
    public required string Handle { get; init; }
    /// Lower-case handle for finding it again (CSV rows name the handle).
    public string HandleKey { get; private set; } = "";
    public int Followers { get; init; }

    /// "@Nama.Kopi " → "nama.kopi".
    public static string KeyOf(string handle) => Clean(handle).ToLowerInvariant();

    public static string Clean(string handle) => handle.Trim().TrimStart('@').Trim();

    public static EntryHandle Create(int roundId, SocialPlatform platform, string handle, int followers)
    {
        var entryHandle = new EntryHandle { RoundId = roundId, Platform = platform, Handle = Clean(handle), Followers = followers };
        entryHandle.HandleKey = KeyOf(handle);
        return entryHandle;
    }
}
