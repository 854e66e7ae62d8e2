namespace LocalProducts.Web.Domain;

/// One change made by a person: who (user id and roles at the time), when (UTC), what (entity,
/// action) and the fields changed, old → new, as JSON. Written in the same transaction as the
/// change and never updated afterwards. The actor id is kept without a foreign key so the history
/// outlives the account.
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; init; }
    public Guid? ActorId { get; init; }
    /// The actor's roles when they acted, comma-separated ("Staff", "IkmOwner").
    public string? ActorRole { get; init; }
    /// "Ikm", "Product", "User", …
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    /// "created", "updated", "verified", "hidden", … (see <see cref="AuditActions"/>).
    public required string Action { get; init; }
    /// {"Field": {"old": …, "new": …}, …} plus any details the action adds (a reason).
    public string? Changes { get; init; }
}

/// The actions the site records. Other features may add their own names (role-given, locked, …).
public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string Resubmitted = "resubmitted";
    public const string Verified = "verified";
    public const string Rejected = "rejected";
    public const string Approved = "approved";
    public const string Hidden = "hidden";
    public const string Unhidden = "unhidden";
    public const string CertificationAdded = "certification-added";
    public const string CertificationChanged = "certification-changed";
    public const string CertificationRemoved = "certification-removed";
    public const string LinkAdded = "link-added";
    public const string LinkChanged = "link-changed";
    public const string LinkRemoved = "link-removed";
    /// Admins' actions on accounts.
    public const string RoleGiven = "role-given";
    public const string RoleTaken = "role-taken";
    public const string Locked = "locked";
    public const string Unlocked = "unlocked";
    public const string TwoFactorReset = "two-factor-reset";
    public const string TwoFactorLinkIssued = "two-factor-link-issued";

    public static readonly string[] All =
    [
        Created, Updated, Deleted, Resubmitted, Verified, Rejected, Approved, Hidden, Unhidden,
        CertificationAdded, CertificationChanged, CertificationRemoved, LinkAdded, LinkChanged, LinkRemoved,
        RoleGiven, RoleTaken, Locked, Unlocked, TwoFactorReset, TwoFactorLinkIssued,
    ];
}

/// The kinds of thing the log records changes to; the viewer offers them as a filter.
public static class AuditEntityTypes
{
    public const string Ikm = nameof(Domain.Ikm);
    public const string Product = nameof(Domain.Product);
    /// Accounts: for the account pages' entries (roles, lock-outs).
    public const string User = "User";

    public static readonly string[] All = [Ikm, Product, User];
}
