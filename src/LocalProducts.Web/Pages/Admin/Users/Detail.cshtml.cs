using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Users;

/// One account: give and take roles, lock and unlock, reset two-factor sign-in. Every button is
/// its own small POST form with the antiforgery token.
public sealed class DetailModel(UserListQuery query, UserAdminCommand admin, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public UserRow Account { get; private set; } = null!;

    public bool IsSelf { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    [BindProperty(SupportsGet = true, Name = "pesan")]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostGrantAsync(Guid id, [FromForm(Name = "role")] string? role, CancellationToken cancellationToken) =>
        RunAsync(id, adminId => admin.GrantRoleAsync(adminId, id, role ?? ""), "peran-diberikan", cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, [FromForm(Name = "role")] string? role, CancellationToken cancellationToken) =>
        RunAsync(id, adminId => admin.RevokeRoleAsync(adminId, id, role ?? ""), "peran-dicabut", cancellationToken);

    public Task<IActionResult> OnPostLockAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, adminId => admin.LockAsync(adminId, id), "dikunci", cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, adminId => admin.UnlockAsync(adminId, id), "dibuka", cancellationToken);

    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, adminId => admin.ResetTwoFactorAsync(adminId, id), "dua-langkah-direset", cancellationToken);

    /// The one-time two-factor set-up link just issued: shown on this response only.
    public string? EnrolmentLink { get; private set; }

    public async Task<IActionResult> OnPostEnrolmentLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        var (result, token) = await admin.IssueTwoFactorLinkAsync(Guid.Parse(users.GetUserId(User)!), id);
        if (result.Status == CommandStatus.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Message = null;
        if (token is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ModelState.AddResult(result);
            return Page();
        }
        // The link is a key to the account until it is used: kept out of every cache.
        Response.Headers.CacheControl = "no-store";
        EnrolmentLink = SiteText.AbsoluteUrl(HttpContext, $"/akun/dua-langkah?{TwoFactorEnrolmentLinks.QueryName}={token}");
        return Page();
    }

    public string? MessageText => Message switch
    {
        "peran-diberikan" => text["Peran diberikan."].Value,
        "peran-dicabut" => text["Peran dicabut."].Value,
        "dikunci" => text["Akun dikunci. Semua sesinya sudah berakhir."].Value,
        "dibuka" => text["Kunci akun dibuka."].Value,
        "dua-langkah-direset" => text["Verifikasi dua langkah akun ini direset. Pemiliknya perlu mengaturnya lagi."].Value,
        _ => null,
    };

    private async Task<IActionResult> RunAsync(Guid id, Func<Guid, Task<CommandResult>> action, string doneMessage, CancellationToken cancellationToken)
    {
        var adminId = Guid.Parse(users.GetUserId(User)!);
        var result = await action(adminId);
        if (result.IsSaved)
        {
            return RedirectToPage(new { id, pesan = doneMessage });
        }
        if (result.Status == CommandStatus.NotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Message = null;
        Response.StatusCode = result.Status == CommandStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        ModelState.AddResult(result);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await query.OneAsync(id, cancellationToken) is not { } account)
        {
            return false;
        }
        Account = account;
        IsSelf = users.GetUserId(User) == id.ToString();
        return true;
    }
}
