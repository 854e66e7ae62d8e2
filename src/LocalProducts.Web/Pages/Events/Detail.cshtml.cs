using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.RateLimiting;
using LocalProducts.Web.Pages.Melokal.SignUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Events;

/// An event and its sign-up form. Not output-cached: the form carries a per-reader token and the
/// places left change with each sign-up.
public sealed class DetailModel(
    EventDetailQuery query, RegisterForEventCommand register, EventRoundsQuery rounds, PostgresRateLimiter limiter, TimeProvider clock,
    IStringLocalizer<SharedResource> text)
    : PageModel
{
    public EventDetail View { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Registered { get; set; }

    /// The prefilled Melokal sign-up, after an influencer confirmed their registration.
    [TempData]
    public string? MelokalSignUp { get; set; }

    /// Melokal rounds after this event that take sign-ups.
    public IReadOnlyList<OpenRoundLink> MelokalRounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(slug, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        MelokalRounds = await rounds.OpenForEventAsync(view.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(slug, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        MelokalRounds = await rounds.OpenForEventAsync(view.Id, cancellationToken);
        // Counted after the event is loaded, so the refusal shows the event page with the form.
        var decision = await limiter.HitAsync(RateLimitBuckets.EventRegistration, RateLimitKeys.ForAddress(HttpContext.Connection.RemoteIpAddress), cancellationToken);
        if (!decision.Allowed)
        {
            return RateLimitResponse.Page(this, decision, text, clock);
        }
        var whatsApp = WhatsAppNumber.Normalize(Input.WhatsApp);
        if (!string.IsNullOrWhiteSpace(Input.WhatsApp) && whatsApp is null)
        {
            ModelState.AddModelError("Input.WhatsApp", text["Nomor WhatsApp tidak valid. Tulis seperti 0812 3456 7890 atau +62 812 3456 7890."]);
        }
        if (Input.Role is null || !Enum.IsDefined(Input.Role.Value))
        {
            ModelState.AddModelError("Input.Role", text["Pilih salah satu peran."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await register.RunAsync(slug, new EventRegistrationRequest(Input.Name, Input.Email, whatsApp, Input.Role!.Value), cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                Registered = result.Notice;
                return RedirectToPage(new { slug });
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(100, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Nama")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Isi {0}.")]
        [EmailAddress(ErrorMessage = "{0} tidak valid.")]
        [StringLength(256, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [StringLength(30, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Nomor WhatsApp (boleh dikosongkan)")]
        public string? WhatsApp { get; set; }

        [Display(Name = "Saya datang sebagai")]
        public RegistrantRole? Role { get; set; }
    }
}
