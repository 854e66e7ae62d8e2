using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Language;

/// The language switch: a plain link, so it works without JavaScript and keeps every other page
/// free of per-reader tokens (cacheable). Changing the language is harmless, so a GET may do it.
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet([FromQuery(Name = "ke")] string? language, [FromQuery(Name = "kembali")] string? returnUrl)
    {
        var culture = language == "en" ? SiteSetup.English : SiteSetup.Indonesian;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
