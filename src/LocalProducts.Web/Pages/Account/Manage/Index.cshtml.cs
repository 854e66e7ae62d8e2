using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Account.Manage;

/// "Akun": one's own name, password and two-factor status. Anonymous readers are sent to log in.
public sealed class IndexModel(AccountQuery account, ManageAccountCommand manage) : PageModel
{
    public const string SavedMessage = "tersimpan";
    public const string PasswordChangedMessage = "sandi-diubah";

    public AccountView View { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "pesan")]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await account.RunAsync(User) is not { } view)
        {
            return Challenge();
        }
        View = view;
        Input.DisplayName = view.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Message = null;
        if (await account.RunAsync(User) is not { } view)
        {
            return Challenge();
        }
        View = view;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await manage.UpdateDisplayNameAsync(User, Input.DisplayName);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error.Description);
        }
        return result.Succeeded ? RedirectToPage(new { pesan = SavedMessage }) : Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [Display(Name = "Nama tampilan")]
        public string DisplayName { get; set; } = "";
    }
}
