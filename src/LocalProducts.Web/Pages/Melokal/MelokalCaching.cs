namespace LocalProducts.Web.Pages.Melokal;

/// The programme's public pages are never output-cached (imports write figures in bulk, past
/// the cache eviction), but anonymous readers' browsers and proxies may keep them a minute.
public static class MelokalCaching
{
    public const int MaxAgeSeconds = 60;

    public static void AllowShortPublicCache(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.Headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
        }
    }
}
