using System.Security.Claims;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Authorization;

namespace LocalProducts.Web.Infrastructure.Audit;

/// Who acts: the account id and its roles at the time.
public sealed record AuditActorInfo(Guid? Id, string? Roles);

/// The person behind the current request, read from the signed-in user.
public sealed class AuditActor(IHttpContextAccessor http)
{
    /// Null outside a request: start-up seeding and background jobs are not people's changes.
    public AuditActorInfo? Current()
    {
        var user = http.HttpContext?.User;
        return user is null ? null : new AuditActorInfo(CurrentUser.IdOf(user), RolesOf(user));
    }

    /// The roles to record for <paramref name="actorId"/>: known when it is the signed-in user.
    public string? RolesFor(Guid? actorId)
    {
        var user = http.HttpContext?.User;
        return user is not null && actorId is not null && CurrentUser.IdOf(user) == actorId ? RolesOf(user) : null;
    }

    private static string? RolesOf(ClaimsPrincipal user)
    {
        var roles = Roles.All.Where(user.IsInRole).ToList();
        return roles.Count == 0 ? null : string.Join(',', roles);
    }
}
