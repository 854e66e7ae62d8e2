using System.Security.Claims;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LocalProducts.Web.Infrastructure.Authorization;

/// What someone wants to do to one IKM or product. Owners may Edit, Hide and Delete their own;
/// staff Moderate any (verify, reject, approve, hide with a reason).
public static class Operations
{
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
    public static readonly OperationAuthorizationRequirement Hide = new() { Name = nameof(Hide) };
    public static readonly OperationAuthorizationRequirement Delete = new() { Name = nameof(Delete) };
    public static readonly OperationAuthorizationRequirement Moderate = new() { Name = nameof(Moderate) };

    internal static bool IsOwnerOperation(OperationAuthorizationRequirement requirement) =>
        requirement.Name is nameof(Edit) or nameof(Hide) or nameof(Delete);
}

public static class CurrentUser
{
    /// The signed-in account's id, from the Identity cookie: never from a form.
    public static Guid? IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Admin);

    internal static bool Owns(ClaimsPrincipal user, Guid? ownerId) =>
        ownerId is { } owner && user.IsInRole(Roles.IkmOwner) && IdOf(user) == owner;
}

/// An owner may change their own IKM; staff may moderate any.
public sealed class IkmAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Ikm>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Ikm resource)
    {
        if ((requirement.Name == Operations.Edit.Name && CurrentUser.Owns(context.User, resource.OwnerId))
            || (requirement.Name == Operations.Moderate.Name && CurrentUser.IsStaff(context.User)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// An owner may edit, hide and delete the products of their own IKM (the product must be loaded
/// with its IKM: without it nothing is allowed); staff may moderate any.
public sealed class ProductAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Product>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Product resource)
    {
        if ((Operations.IsOwnerOperation(requirement) && CurrentUser.Owns(context.User, resource.Ikm?.OwnerId))
            || (requirement.Name == Operations.Moderate.Name && CurrentUser.IsStaff(context.User)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

public static class ResourceAuthorizationSetup
{
    public static IServiceCollection AddResourceAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, IkmAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, ProductAuthorizationHandler>();
        return services;
    }
}
