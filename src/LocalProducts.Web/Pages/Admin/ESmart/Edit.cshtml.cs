using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.ESmart;

/// Create (no id) or edit an e-Smart IKM cohort and its modules.
public sealed class EditModel(AppDbContext db, SaveCohortCommand save, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    /// Blank module rows offered below the filled ones.
    public const int SpareModuleRows = 3;

    /// The modules most cohorts teach, offered for a new cohort.
    public static readonly IReadOnlyList<ModuleInput> UsualModules =
    [
        new() { Name = "Foto produk", NameEn = "Product photos" },
        new() { Name = "Membuka toko di lokapasar", NameEn = "Opening a marketplace shop" },
        new() { Name = "Pemasaran digital", NameEn = "Digital marketing" },
        new() { Name = "Sertifikasi halal dan TKDN", NameEn = "Halal and TKDN certification" },
    ];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];

    public bool IsNew => Input.Id is null;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var cohort = await db.ESmartCohorts.AsNoTracking().Include(c => c.Modules).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (cohort is null)
            {
                return NotFound();
            }
            Input = InputModel.From(cohort);
        }
        else
        {
            var start = Wib.Today(clock).AddDays(30);
            Input.StartsOn = start;
            Input.EndsOn = start.AddDays(13);
            Input.Modules = [.. UsualModules.Select(m => new ModuleInput { Name = m.Name, NameEn = m.NameEn })];
        }
        AddSpareRows();
        await LoadProvincesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Input.Id = id;
        await LoadProvincesAsync(cancellationToken);
        if (Input.StartsOn is null)
        {
            ModelState.AddModelError("Input.StartsOn", text["Isi {0}.", text["Mulai"]]);
        }
        if (Input.EndsOn is null)
        {
            ModelState.AddModelError("Input.EndsOn", text["Isi {0}.", text["Selesai"]]);
        }
        // A row with only one of its two names filled is a mistake; a blank row is a spare.
        var modules = Input.Modules.Where(m => !string.IsNullOrWhiteSpace(m.Name) || !string.IsNullOrWhiteSpace(m.NameEn))
            .Select(m => (m.Name?.Trim() ?? "", m.NameEn?.Trim() ?? "")).ToList();
        if (!ModelState.IsValid)
        {
            AddSpareRows();
            return Page();
        }
        var province = string.IsNullOrWhiteSpace(Input.ProvinceCode) ? null : Input.ProvinceCode;
        var result = await save.RunAsync(new CohortForm(id, Input.Version, Input.Name, Input.Slug, Input.Description,
            Input.StartsOn!.Value, Input.EndsOn!.Value, province, Input.Capacity, modules), CurrentUser.IdOf(User), cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = text["Kelas disimpan."].Value;
                return Redirect($"/admin/e-smart/{result.Id}");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        AddSpareRows();
        return Page();
    }

    private void AddSpareRows()
    {
        var filled = Input.Modules.Where(m => !string.IsNullOrWhiteSpace(m.Name) || !string.IsNullOrWhiteSpace(m.NameEn)).ToList();
        Input.Modules = [.. filled, .. Enumerable.Range(0, SpareModuleRows).Select(_ => new ModuleInput())];
    }

    private async Task LoadProvincesAsync(CancellationToken cancellationToken) =>
        Provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Code))
            .ToListAsync(cancellationToken);

    public sealed class ModuleInput
    {
        public string? Name { get; set; }

        public string? NameEn { get; set; }
    }

    public sealed class InputModel
    {
        public int? Id { get; set; }

        public uint Version { get; set; }

        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(ESmartCohort.NameMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Nama kelas")]
        public string Name { get; set; } = "";

        [StringLength(Domain.Slug.MaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Alamat (slug, boleh dikosongkan)")]
        public string? Slug { get; set; }

        [StringLength(ESmartCohort.DescriptionMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Keterangan")]
        public string? Description { get; set; }

        [Display(Name = "Mulai")]
        public DateOnly? StartsOn { get; set; }

        [Display(Name = "Selesai")]
        public DateOnly? EndsOn { get; set; }

        [Display(Name = "Provinsi (kosong: daring)")]
        public string? ProvinceCode { get; set; }

        [Range(1, ESmartCohort.MaxCapacity, ErrorMessage = "{0} antara {1} dan {2}.")]
        [Display(Name = "Kapasitas")]
        public int Capacity { get; set; } = 30;

        public List<ModuleInput> Modules { get; set; } = [];

        public static InputModel From(ESmartCohort cohort) => new()
        {
            Id = cohort.Id,
            Version = cohort.Version,
            Name = cohort.Name,
            Slug = cohort.Slug,
            Description = cohort.Description,
            StartsOn = cohort.StartsOn,
            EndsOn = cohort.EndsOn,
            ProvinceCode = cohort.ProvinceCode,
            Capacity = cohort.Capacity,
            Modules = [.. cohort.Modules.OrderBy(m => m.SortOrder).Select(m => new ModuleInput { Name = m.Name, NameEn = m.NameEn })],
        };
    }
}
