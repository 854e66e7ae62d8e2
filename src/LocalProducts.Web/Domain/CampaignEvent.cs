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
    Confirmed = 1,
    /// Signed up when every place was taken; moves up when a confirmed place is freed.
    Waitlisted = 2,
    Cancelled = 3,
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

    /// A new registration gets a place while confirmed ones are fewer than the places, otherwise
    /// it joins the waiting list.
    public static RegistrationStatus StatusForNewRegistration(int confirmed, int capacity) =>
        confirmed < capacity ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;
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
    public RegistrationStatus Status { get; set; }
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? AttendedAt { get; set; }

    public static string KeyOf(string email) => email.Trim().ToLowerInvariant();

    public void NormaliseEmail()
    {
        Email = Email.Trim();
        EmailKey = KeyOf(Email);
    }
}
