using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Users;

/// The list of accounts (Admin policy, on the folder).
public sealed class IndexModel(UserListQuery list, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "peran")]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "hal")]
    public int PageNumber { get; set; } = 1;

    public UserListPage Result { get; private set; } = null!;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await list.RunAsync(Search?.Length > 200 ? Search[..200] : Search, Role, PageNumber, cancellationToken);

    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
        ["peran"] = string.IsNullOrWhiteSpace(Role) ? null : Role,
        ["hal"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(pair => pair.Value is not null)).ToUriComponent();
}
