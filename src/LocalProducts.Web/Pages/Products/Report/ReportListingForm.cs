using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Pages.Products.Report;

/// What a shopper says about a listing: a reason and, if they like, a few words. Nothing about them.
public sealed class ReportListingForm
{
    [Required(ErrorMessage = "Pilih {0}.")]
    [Display(Name = "Alasan laporan")]
    public ListingReportReason? Reason { get; set; }

    [StringLength(ListingReport.DetailsMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Keterangan")]
    public string? Details { get; set; }
}
