using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Dashboard.Photos;

/// An owner's photos of one product: add one (checked by ImageStore), remove one. Also the worked
/// example of an upload form: [ImageUploadLimits] on the model, an IFormFile in the input, the
/// failure's message in ModelState under the field's name.
[ImageUploadLimits]
public sealed class IndexModel(ProductPhotosQuery query, ProductPhotoCommand command, UserManager<AppUser> users, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public ProductPhotosView View { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// "ditambah" or "dihapus" after a change, for the notice.
    [BindProperty(SupportsGet = true, Name = "hasil")]
    public string? Result { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ?? Page();
        }
        var change = await command.AddAsync(id, OwnerId, Input.Photo, Input.AltText, cancellationToken);
        switch (change.Status)
        {
            case ImageChangeStatus.Done:
                return Redirect($"/dasbor/produk/{id}/foto?hasil=ditambah");
            case ImageChangeStatus.Refused:
                ModelState.AddModelError("Input.Photo", change.Failure!.Message(text));
                break;
            case ImageChangeStatus.TooMany:
                ModelState.AddModelError("Input.Photo", text["Produk ini sudah punya {0} foto, batas terbanyak. Hapus satu foto dulu.", ProductPhotoCommand.MaxPhotos]);
                break;
            default:
                return Refusal(change.Status);
        }
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, Guid imageId, CancellationToken cancellationToken)
    {
        var change = await command.RemoveAsync(id, OwnerId, imageId, cancellationToken);
        return change.Status == ImageChangeStatus.Done ? Redirect($"/dasbor/produk/{id}/foto?hasil=dihapus") : Refusal(change.Status);
    }

    private Guid OwnerId => Guid.Parse(users.GetUserId(User)!);

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (view, forbidden) = await query.RunAsync(id, OwnerId, cancellationToken);
        if (view is null)
        {
            return forbidden ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        }
        View = view;
        return null;
    }

    private IActionResult Refusal(ImageChangeStatus status) =>
        status == ImageChangeStatus.Forbidden ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();

    public sealed class InputModel
    {
        [Display(Name = "Foto")]
        public IFormFile? Photo { get; set; }

        [StringLength(300, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Keterangan foto (untuk pembaca layar)")]
        public string? AltText { get; set; }
    }
}
