using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Admin.Melokal.Final;

public enum FinalChange
{
    Exclude = 1,
    Reinstate = 2,
}

/// A change to a final ranking: exclude or reinstate an influencer ("i12") or a post ("p345").
public sealed class ChangeFinalForm
{
    public uint Version { get; set; }

    [Display(Name = "Influencer atau kiriman")]
    public string? Target { get; set; }

    [Display(Name = "Perubahan")]
    public FinalChange? Action { get; set; }

    [StringLength(RoundStateChange.ReasonMaxLength, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Alasan perubahan")]
    public string? Reason { get; set; }

    public static string EntryTarget(int entryId) => FormattableString.Invariant($"i{entryId}");

    public static string PostTarget(long postId) => FormattableString.Invariant($"p{postId}");
}
