using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// Correcting a report's figures, with the version the form was filled from.
public sealed class SalesCorrectionForm
{
    [StringLength(30)]
    [Display(Name = "Unit terjual")]
    public string? Units { get; set; }

    [StringLength(40)]
    [Display(Name = "Pendapatan (Rp)")]
    public string? Revenue { get; set; }

    [StringLength(SalesReport.ReasonMaxLength, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Alasan perbaikan (boleh kosong)")]
    public string? Reason { get; set; }

    public uint Version { get; set; }
}
