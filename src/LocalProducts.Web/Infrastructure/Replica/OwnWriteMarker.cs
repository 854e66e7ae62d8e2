using Microsoft.Extensions.Options;

namespace LocalProducts.Web.Infrastructure.Replica;

/// After any successful write (a POST, PUT, PATCH or DELETE answered below 400), by anyone, sets
/// the short-lived <see cref="ReadRouting.OwnWriteCookie"/>: the writer's next reads come from the
/// primary, so a comment poster or an event registrant sees what they just did, even while the
/// replica is a little behind. Only with a replica.
public sealed class OwnWriteMarker(RequestDelegate next, IOptions<ReplicaOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode < StatusCodes.Status400BadRequest)
                {
                    context.Response.Cookies.Append(ReadRouting.OwnWriteCookie, "1", new CookieOptions
                    {
                        MaxAge = options.Value.OwnWrite,
                        HttpOnly = true,
                        SameSite = SameSiteMode.Lax,
                        IsEssential = true,
                        Path = "/",
                    });
                }
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
