using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal;

/// The name a round's history and an entry's decision show for the staff member who acted.
public static class StaffName
{
    public static async Task<string> OfAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = CurrentUser.IdOf(user) ?? throw new InvalidOperationException("Rounds are changed by signed-in staff.");
        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(name) ? id.ToString("N")[..8] : name;
    }
}
