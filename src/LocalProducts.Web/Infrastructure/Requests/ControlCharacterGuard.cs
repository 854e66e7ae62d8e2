namespace LocalProducts.Web.Infrastructure.Requests;

/// Refuses with a 400 any request whose path or query string carries a control character. No
/// address of the site has one, and a NUL byte in a search word reached PostgreSQL, which refuses
/// it in text, as a 500. One check here keeps every page, endpoint and API safe from it.
internal static class ControlCharacterGuard
{
    public static IApplicationBuilder UseControlCharacterGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HasControlCharacters(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await next(context);
        });

    internal static bool HasControlCharacters(HttpRequest request)
    {
        if (HasControl(request.Path.Value))
        {
            return true;
        }
        foreach (var (key, values) in request.Query)
        {
            if (HasControl(key))
            {
                return true;
            }
            foreach (var value in values)
            {
                if (HasControl(value))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool HasControl(string? value) => value is not null && value.Any(char.IsControl);
}
