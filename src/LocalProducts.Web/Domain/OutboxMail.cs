namespace LocalProducts.Web.Domain;

/// An e-mail the site must send, kept in PostgreSQL so that any instance can send it: when the
/// mail server refuses or cannot be reached, it stays here and one instance (the outbox job under
/// an advisory lock) tries again later with a growing wait. Sent rows are deleted after a while,
/// since they hold an address.
public sealed class OutboxMail
{
    public long Id { get; private set; }
    public required string To { get; init; }
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public DateTimeOffset QueuedAt { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// The kind of the last failure (an exception type name), never the server's text, which can
    /// quote the address.
    public string? LastError { get; set; }
}
