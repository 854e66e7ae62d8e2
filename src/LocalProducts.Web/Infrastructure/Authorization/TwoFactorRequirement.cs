using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace LocalProducts.Web.Infrastructure.Authorization;

/// Staff and admins work with other people's data: their accounts must have two-factor sign-in.
public sealed class TwoFactorRequirement : IAuthorizationRequirement
{
    public static readonly TwoFactorRequirement Instance = new();
}

public sealed class TwoFactorRequirementHandler : AuthorizationHandler<TwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        // Only the roles that must use it (staff, admins) are held to it: a writer in the newsroom
        // is not, a member of staff there is.
        if (context.User.HasClaim(AccountClaims.TwoFactorEnabled, "true") || !Roles.NeedTwoFactor.Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// A signed-in member of staff refused only for want of two-factor sign-in is sent to set it up,
/// with the reason, and back afterwards; every other refusal is answered as usual.
public sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPath = "/akun/dua-langkah";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { FailCalled: false } failure
            && failure.FailedRequirements.Any() && failure.FailedRequirements.All(r => r is TwoFactorRequirement))
        {
            var back = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{SetupPath}?wajib=1&kembali={Uri.EscapeDataString(back)}");
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
