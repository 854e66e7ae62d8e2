using LocalProducts.Web.Domain;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Account;

/// Each role's name in the reader's language.
public static class RoleNames
{
    public static string Of(string role, IStringLocalizer text) => role switch
    {
        Roles.Admin => text["Admin"],
        Roles.Staff => text["Staf kementerian"],
        Roles.IkmOwner => text["Pemilik IKM"],
        _ => role,
    };
}
