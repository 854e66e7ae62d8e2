using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Events;

/// Create (no id) or edit an event. Times are typed in WIB.
public sealed class EditModel(AppDbContext db, SaveEventCommand save, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Campaigns { get; private set; } = [];

    public bool IsNew => Input.Id is null;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (ev is null)
            {
                return NotFound();
            }
            Input = InputModel.From(ev);
        }
        else
        {
            Input.StartsAt = Wib.ToWib(clock.GetUtcNow()).Date.AddDays(14).AddHours(15);
        }
        await LoadCampaignsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Input.Id = id;
        await LoadCampaignsAsync(cancellationToken);
        var startsAt = Input.StartsAt is { } start ? new DateTimeOffset(start, Wib.Offset) : (DateTimeOffset?)null;
        var endsAt = Input.EndsAt is { } end ? new DateTimeOffset(end, Wib.Offset) : (DateTimeOffset?)null;
        if (startsAt is null)
        {
            ModelState.AddModelError("Input.StartsAt", text["Isi {0}.", text["Mulai (WIB)"]]);
        }
        else if (id is null && startsAt < clock.GetUtcNow())
        {
            ModelState.AddModelError("Input.StartsAt", text["Waktu mulai sudah lewat. Pilih waktu yang akan datang."]);
        }
        if (endsAt is not null && startsAt is not null && endsAt <= startsAt)
        {
            ModelState.AddModelError("Input.EndsAt", text["Waktu selesai harus setelah waktu mulai."]);
        }
        if (!string.IsNullOrWhiteSpace(Input.OnlineUrl)
            && !(Uri.TryCreate(Input.OnlineUrl.Trim(), UriKind.Absolute, out var online) && online.Scheme == Uri.UriSchemeHttps))
        {
            ModelState.AddModelError("Input.OnlineUrl", text["Tautan daring harus alamat https://."]);
        }
        if (string.IsNullOrWhiteSpace(Input.Place) && string.IsNullOrWhiteSpace(Input.OnlineUrl))
        {
            ModelState.AddModelError("Input.Place", text["Isi tempat atau tautan daring."]);
        }
        if (Input.CampaignId is { } campaignId && !Campaigns.Any(c => c.Value == campaignId.ToString(CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Input.CampaignId", text["Kampanye tidak dikenal."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await save.RunAsync(new EventForm(id, Input.Version, Input.Title, Input.Slug, Input.CampaignId, startsAt!.Value, endsAt,
            Input.Place, Input.OnlineUrl, Input.Capacity, Input.Description, Input.State), cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                return Redirect($"/admin/acara/{result.Id}/peserta");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        return Page();
    }

    private async Task LoadCampaignsAsync(CancellationToken cancellationToken) =>
        Campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn)
            .Select(c => new SelectListItem(c.Hashtag, c.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(cancellationToken);

    public sealed class InputModel
    {
        public int? Id { get; set; }

        public uint Version { get; set; }

        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Judul")]
        public string Title { get; set; } = "";

        [StringLength(Domain.Slug.MaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Alamat (slug, boleh dikosongkan)")]
        public string? Slug { get; set; }

        [Display(Name = "Kampanye")]
        public int? CampaignId { get; set; }

        [Display(Name = "Mulai (WIB)")]
        public DateTime? StartsAt { get; set; }

        [Display(Name = "Selesai (WIB, boleh dikosongkan)")]
        public DateTime? EndsAt { get; set; }

        [StringLength(300, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Tempat")]
        public string? Place { get; set; }

        [StringLength(500, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Tautan daring")]
        public string? OnlineUrl { get; set; }

        [Range(1, 100_000, ErrorMessage = "{0} antara {1} dan {2}.")]
        [Display(Name = "Kapasitas")]
        public int Capacity { get; set; } = 50;

        [StringLength(20_000, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Keterangan (Markdown)")]
        public string? Description { get; set; }

        [Display(Name = "Status")]
        public EventState State { get; set; } = EventState.Draft;

        public static InputModel From(CampaignEvent ev) => new()
        {
            Id = ev.Id,
            Version = ev.Version,
            Title = ev.Title,
            Slug = ev.Slug,
            CampaignId = ev.CampaignId,
            StartsAt = Wib.ToWib(ev.StartsAt).DateTime,
            EndsAt = ev.EndsAt is { } end ? Wib.ToWib(end).DateTime : null,
            Place = ev.Place,
            OnlineUrl = ev.OnlineUrl,
            Capacity = ev.Capacity,
            Description = ev.Description,
            State = ev.State,
        };
    }
}
