using System.ComponentModel.DataAnnotations;

namespace LocalProducts.Web.Pages.Dashboard.Qris;

/// The QRIS form: an image (none keeps the current one) and the merchant name printed under the
/// code. The IKM is always the signed-in owner's, never named by the form.
public sealed class QrisForm
{
    [Display(Name = "Gambar QRIS")]
    public IFormFile? Image { get; set; }

    [Display(Name = "Nama merchant")]
    public string? MerchantName { get; set; }

    public uint Version { get; set; }
}
