using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Authorization;

namespace LocalProducts.Web.Infrastructure.Authorization;

/// Who may enter which part of the site. Pages/Admin needs Staff (ministry staff or admins),
/// Pages/Dashboard needs IkmOwner; pages that manage accounts add Admin. Which IKM or product an
/// owner may change is checked per resource, not here.
public static class Policies
{
    public const string Staff = "Staff";
    public const string Admin = "Admin";
    public const string IkmOwner = "IkmOwner";

    public static void AddSitePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, policy => policy.RequireRole(Roles.Staff, Roles.Admin))
        .AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin))
        .AddPolicy(IkmOwner, policy => policy.RequireRole(Roles.IkmOwner));
}
