using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Newsroom;

public sealed record NewsroomPerson(Guid Id, string Name, bool IsEditor);

public static class NewsroomActors
{
    /// The signed-in newsroom user: editors are staff and admins, everyone else here a writer.
    public static NewsroomActor Of(ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without an id.")),
        user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Admin));
}

/// The accounts that may write or edit posts: the choices for author and editor.
public sealed class NewsroomPeopleQuery(AppDbContext db)
{
    private static readonly string[] _newsroomRoles = [Roles.Writer, Roles.Staff, Roles.Admin];
    private static readonly string[] _editorRoles = [Roles.Staff, Roles.Admin];

    public async Task<IReadOnlyList<NewsroomPerson>> RunAsync(CancellationToken cancellationToken)
    {
        var rows = await (
                from user in db.Users.AsNoTracking()
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where _newsroomRoles.Contains(role.Name!)
                select new { user.Id, Name = user.DisplayName ?? user.UserName ?? "", Editor = _editorRoles.Contains(role.Name!) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id)
            .Select(g => new NewsroomPerson(g.Key, g.First().Name, g.Any(r => r.Editor)))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
