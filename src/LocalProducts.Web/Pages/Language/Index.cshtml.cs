using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Language;

/// The language switch: a form post, so it works without JavaScript.
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost([FromForm(Name = "bahasa")] string? language, [FromForm(Name = "kembali")] string? returnUrl)
    {
        var culture = language == "en" ? SiteSetup.English : SiteSetup.Indonesian;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
