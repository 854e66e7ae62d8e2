using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal;

/// The name a round's history, an entry's decision and a flag's resolution show for the staff
/// member who acted.
public static class StaffName
{
    public static async Task<string> OfAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = CurrentUser.IdOf(user) ?? throw new InvalidOperationException("Melokal rounds are changed by signed-in staff.");
        var name = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
        name = string.IsNullOrWhiteSpace(name) ? "Staf" : name.Trim();
        // Stored in columns as long as a display name.
        return name.Length > AppUser.DisplayNameMaxLength ? name[..AppUser.DisplayNameMaxLength] : name;
    }
}
