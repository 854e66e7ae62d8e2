using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Authorization;

namespace LocalProducts.Web.Infrastructure.Authorization;

/// Who may enter which part of the site. Pages/Admin needs Staff (ministry staff or admins),
/// Pages/Newsroom needs Newsroom (writers, staff or admins; which post a writer may change is
/// checked per post), Pages/Dashboard needs IkmOwner; pages that manage accounts add Admin. Staff
/// and Admin accounts also need two-factor sign-in wherever they go in /admin or /redaksi (those
/// without are sent to set it up); writers and owners do not.
/// Which IKM or product an owner may change is checked per resource, not here.
public static class Policies
{
    public const string Staff = "Staff";
    public const string Admin = "Admin";
    public const string IkmOwner = "IkmOwner";
    public const string Newsroom = "Newsroom";
    /// Printing QR codes (Pages/QrCodes/Print): owners for their own things, staff for any.
    public const string QrCodes = "QrCodes";

    public static void AddSitePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, policy => policy.RequireRole(Roles.Staff, Roles.Admin).AddRequirements(TwoFactorRequirement.Instance))
        .AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin).AddRequirements(TwoFactorRequirement.Instance))
        .AddPolicy(IkmOwner, policy => policy.RequireRole(Roles.IkmOwner))
        .AddPolicy(Newsroom, policy => policy.RequireRole(Roles.Writer, Roles.Staff, Roles.Admin).AddRequirements(TwoFactorRequirement.Instance))
        .AddPolicy(QrCodes, policy => policy.RequireRole(Roles.IkmOwner, Roles.Staff, Roles.Admin).AddRequirements(TwoFactorRequirement.Instance));
}
