using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Melokal.SignUp;

/// The public sign-up form of a round. Follower counts are text so that "1.234" is read as people
/// write it and "seribu" gets a message of ours, not the model binder's.
public sealed class SignUpForm
{
    [Required(ErrorMessage = "Isi {0}.")]
    [StringLength(Influencer.NameMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Nama")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Isi {0}.")]
    [StringLength(Influencer.CityMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Kota")]
    public string City { get; set; } = "";

    [Required(ErrorMessage = "Isi {0}.")]
    [EmailAddress(ErrorMessage = "{0} tidak valid.")]
    [StringLength(256, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [StringLength(30, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Nomor WhatsApp")]
    public string? WhatsApp { get; set; }

    /// One row per platform the round counts, in the round's order.
    public List<HandleInput> Handles { get; set; } = [];

    /// The event registration the person came from (link in the event's confirmation page).
    public int? EventRegistrationId { get; set; }
}

public sealed class HandleInput
{
    public SocialPlatform Platform { get; set; }

    [Display(Name = "Nama akun")]
    public string? Handle { get; set; }

    [Display(Name = "Jumlah pengikut")]
    public string? Followers { get; set; }
}
