namespace LocalProducts.Web.Pages.About;

/// The team's e-mail address on the contact and privacy pages, and whether it is only the
/// placeholder shown until Site:ContactEmail is configured.
public sealed record ContactAddress(string Email, bool IsPlaceholder)
{
    /// A reserved domain (RFC 2606): mail to it goes nowhere, so nobody mistakes it for a real inbox.
    public const string Placeholder = "melokal@kemenperin.example";

    public static ContactAddress From(IConfiguration configuration) =>
        configuration["Site:ContactEmail"] is { } configured && !string.IsNullOrWhiteSpace(configured)
            ? new ContactAddress(configured.Trim(), false)
            : new ContactAddress(Placeholder, true);
}
