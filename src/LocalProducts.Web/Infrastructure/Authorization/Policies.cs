using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Authorization;

namespace LocalProducts.Web.Infrastructure.Authorization;

/// Who may enter which part of the site. Pages/Admin needs Staff (ministry staff or admins),
/// Pages/Dashboard needs IkmOwner; pages that manage accounts add Admin. Staff and Admin also need
/// an account with two-factor sign-in (those without are sent to set it up). Which IKM or product
/// an owner may change is checked per resource, not here.
public static class Policies
{
    public const string Staff = "Staff";
    public const string Admin = "Admin";
    public const string IkmOwner = "IkmOwner";

    public static void AddSitePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, policy => policy.RequireRole(Roles.Staff, Roles.Admin).AddRequirements(TwoFactorRequirement.Instance))
        .AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin).AddRequirements(TwoFactorRequirement.Instance))
        .AddPolicy(IkmOwner, policy => policy.RequireRole(Roles.IkmOwner));
}
