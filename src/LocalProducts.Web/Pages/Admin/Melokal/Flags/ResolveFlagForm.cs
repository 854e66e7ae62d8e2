using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Admin.Melokal.Flags;

/// Staff's decision on one flag.
public sealed class ResolveFlagForm
{
    public long FlagId { get; set; }

    [Display(Name = "Keputusan")]
    public FlagStatus? Decision { get; set; }

    [StringLength(RoundFlag.ReasonMaxLength, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Alasan")]
    public string? Reason { get; set; }
}
