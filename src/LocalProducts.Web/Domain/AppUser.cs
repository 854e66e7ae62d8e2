using Microsoft.AspNetCore.Identity;

namespace LocalProducts.Web.Domain;

/// An account: ministry staff, admin or IKM owner. Shoppers need none.
public sealed class AppUser : IdentityUser<Guid>
{
    public string? DisplayName { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string IkmOwner = "IkmOwner";

    public static readonly string[] All = [Admin, Staff, IkmOwner];
}
