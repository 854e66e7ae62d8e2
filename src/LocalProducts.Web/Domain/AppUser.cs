using System.Text;
using Microsoft.AspNetCore.Identity;

namespace LocalProducts.Web.Domain;

/// An account: ministry staff, admin, newsroom writer or IKM owner. Shoppers need none.
public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    /// An admin's lock lasts until an admin lifts it; lock-outs after failed log-ins end sooner.
    public static readonly DateTimeOffset LockedUntilLifted = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public string? DisplayName { get; set; }

    /// The authenticator time step (30-second counter) of the last code that signed in: each code
    /// is accepted once, and none older than it (RFC 6238, section 5.2).
    public long? LastAuthenticatorStep { get; set; }

    /// SHA-256 of the one-time link an admin issued to set up two-factor sign-in (staff and admins
    /// may only enrol through one); null when no link is open. The link itself is never stored.
    public string? TwoFactorEnrolmentTokenHash { get; set; }

    public DateTimeOffset? TwoFactorEnrolmentExpiresAt { get; set; }

    /// A display name as people type it, made safe to show and to put in an e-mail: no control
    /// characters or line breaks, single spaces, trimmed.
    public static string CleanDisplayName(string? name)
    {
        var clean = new StringBuilder(name?.Length ?? 0);
        foreach (var c in name ?? "")
        {
            var whitespace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!whitespace)
            {
                clean.Append(c);
            }
            else if (clean.Length > 0 && clean[^1] != ' ')
            {
                clean.Append(' ');
            }
        }
        var result = clean.ToString().Trim();
        return result.Length > DisplayNameMaxLength ? result[..DisplayNameMaxLength].TrimEnd() : result;
    }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string IkmOwner = "IkmOwner";
    /// "Penulis": a contributor who drafts posts and submits them; staff edit and publish.
    public const string Writer = "Writer";

    public static readonly string[] All = [Admin, Staff, IkmOwner, Writer];

    /// Roles whose accounts must use two-factor sign-in.
    public static readonly string[] NeedTwoFactor = [Admin, Staff];

    /// Where someone lands after logging in without a page to return to: their own place.
    public static string HomePath(ICollection<string> roles) =>
        roles.Contains(Admin) || roles.Contains(Staff) ? "/admin"
        : roles.Contains(IkmOwner) ? "/dasbor"
        : roles.Contains(Writer) ? "/redaksi"
        : "/";
}
