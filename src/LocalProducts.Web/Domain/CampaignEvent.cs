namespace LocalProducts.Web.Domain;

public enum EventState
{
    Draft = 1,
    Published = 2,
    Cancelled = 3,
}

/// Who signs up: the campaign wants to know how many influencers, makers and members of the
/// public come.
public enum RegistrantRole
{
    Influencer = 1,
    Ikm = 2,
    Public = 3,
}

public enum RegistrationStatus
{
    /// Has a place: the e-mail is confirmed.
    Confirmed = 1,
    /// Signed up when every place was taken; moves up, once the e-mail is confirmed, when a place
    /// is freed.
    Waitlisted = 2,
    Cancelled = 3,
    /// A place held for a new sign-up until its e-mail is confirmed or the hold runs out.
    Held = 4,
    /// The hold ran out before the e-mail was confirmed: the place went to the waiting list.
    Expired = 5,
}

/// A "ngobrol santai" or other gathering of a campaign, with a fixed number of places.
public sealed class CampaignEvent
{
    public int Id { get; private set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public int? CampaignId { get; set; }
    public Campaign? Campaign { get; private set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public int Capacity { get; set; }
    /// Markdown.
    public string? Description { get; set; }
    public EventState State { get; set; } = EventState.Draft;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }

    public bool TakesRegistrationsAt(DateTimeOffset now) => State == EventState.Published && now < StartsAt;

    /// A new registration has a place held while the places taken (confirmed, or held and not run
    /// out) are fewer than the places, otherwise it joins the waiting list.
    public static RegistrationStatus StatusForNewRegistration(int taken, int capacity) =>
        taken < capacity ? RegistrationStatus.Held : RegistrationStatus.Waitlisted;
}

public sealed class EventRegistration
{
    public int Id { get; private set; }
    public int EventId { get; init; }
    public CampaignEvent? Event { get; private set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    /// Lower-case e-mail: one registration per address and event.
    public string EmailKey { get; private set; } = "";
    public string? WhatsApp { get; set; }
    public RegistrantRole Role { get; set; }
    public RegistrationStatus Status { get; private set; }
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? AttendedAt { get; set; }

    /// How long a place is held for an e-mail to be confirmed (never past the event's start).
    public static readonly TimeSpan HoldFor = TimeSpan.FromHours(24);

    /// Until when the place is held (Held only).
    public DateTimeOffset? HoldExpiresAt { get; private set; }
    /// When the link mailed to the address was followed: the address is the registrant's.
    public DateTimeOffset? EmailConfirmedAt { get; private set; }
    /// SHA-256 of the confirmation code mailed; the code itself is never stored.
    public string? ConfirmationHash { get; private set; }

    public static string KeyOf(string email) => email.Trim().ToLowerInvariant();

    /// Whether the registration takes one of the event's places at this moment.
    public static System.Linq.Expressions.Expression<Func<EventRegistration, bool>> TakesAPlaceAt(DateTimeOffset now) =>
        r => r.Status == RegistrationStatus.Confirmed || (r.Status == RegistrationStatus.Held && r.HoldExpiresAt > now);

    /// Starts (or starts again) a sign-up: a place held until the e-mail is confirmed, or a place
    /// on the waiting list. Returns the code to mail, the only copy of it.
    public string SignUp(RegistrationStatus status, DateTimeOffset now, DateTimeOffset eventStarts)
    {
        if (status is not (RegistrationStatus.Held or RegistrationStatus.Waitlisted))
        {
            throw new ArgumentOutOfRangeException(nameof(status), "A sign-up is held or waitlisted until its e-mail is confirmed.");
        }
        Status = status;
        HoldExpiresAt = status == RegistrationStatus.Held ? Min(now + HoldFor, eventStarts) : null;
        EmailConfirmedAt = null;
        AttendedAt = null;
        (var code, ConfirmationHash) = OneTimeCode.New();
        return code;
    }

    /// Whether the code is the one mailed (compared in constant time).
    public bool IsConfirmationCode(string? code) => OneTimeCode.Matches(ConfirmationHash, code);

    /// The registrant followed the mailed link. A held place becomes theirs; a hold that ran out
    /// gets a place only if one is free now, otherwise the waiting list; on the waiting list the
    /// confirmed address can now be offered a freed place.
    public RegistrationStatus ConfirmEmail(DateTimeOffset now, bool placeFree)
    {
        EmailConfirmedAt ??= now;
        switch (Status)
        {
            case RegistrationStatus.Held when HoldExpiresAt > now:
                Status = RegistrationStatus.Confirmed;
                break;
            case RegistrationStatus.Held or RegistrationStatus.Expired:
                Status = placeFree ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;
                break;
        }
        if (Status != RegistrationStatus.Held)
        {
            HoldExpiresAt = null;
        }
        return Status;
    }

    /// The person asked staff to cancel: the place (or the hold) is freed.
    public void Cancel()
    {
        Status = RegistrationStatus.Cancelled;
        HoldExpiresAt = null;
        AttendedAt = null;
    }

    /// The hold ran out unconfirmed: the place goes back.
    public bool ExpireHold(DateTimeOffset now)
    {
        if (Status != RegistrationStatus.Held || HoldExpiresAt > now)
        {
            return false;
        }
        Status = RegistrationStatus.Expired;
        HoldExpiresAt = null;
        return true;
    }

    /// A waiting registrant with a confirmed address takes a freed place.
    public bool TakeFreedPlace()
    {
        if (Status != RegistrationStatus.Waitlisted || EmailConfirmedAt is null)
        {
            return false;
        }
        Status = RegistrationStatus.Confirmed;
        return true;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public void NormaliseEmail()
    {
        Email = Email.Trim();
        EmailKey = KeyOf(Email);
    }
}
