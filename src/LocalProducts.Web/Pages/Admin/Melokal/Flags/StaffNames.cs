using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Flags;

/// The name a staff decision is signed with (flags, finalising, changes after final).
public static class StaffNames
{
    public static async Task<string> OfAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = CurrentUser.IdOf(user) ?? throw new InvalidOperationException("Melokal decisions are made by signed-in staff.");
        var name = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
        name = string.IsNullOrWhiteSpace(name) ? "Staf" : name.Trim();
        return name.Length > AppUser.DisplayNameMaxLength ? name[..AppUser.DisplayNameMaxLength] : name;
    }
}
