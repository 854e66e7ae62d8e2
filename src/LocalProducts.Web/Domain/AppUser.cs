using Microsoft.AspNetCore.Identity;

namespace LocalProducts.Web.Domain;

/// An account: ministry staff, admin, newsroom writer or IKM owner. Shoppers need none.
public sealed class AppUser : IdentityUser<Guid>
{
    public string? DisplayName { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string IkmOwner = "IkmOwner";
    /// "Penulis": a contributor who drafts posts and submits them; staff edit and publish.
    public const string Writer = "Writer";

    public static readonly string[] All = [Admin, Staff, IkmOwner, Writer];
}
