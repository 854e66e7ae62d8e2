using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Campaigns;

/// Create (no id) or edit a campaign. Featured products and makers are found with the search
/// buttons inside the form ("aksi"), which show the form again with the matches to tick, keeping
/// everything typed: no script needed.
[ImageUploadLimits]
public sealed class EditModel(CampaignEditorQuery editor, SaveCampaignCommand save, ImageStore images, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string SaveValue = "simpan";
    public const string FindProductsValue = "cari-produk";
    public const string FindIkmsValue = "cari-ikm";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(Name = "aksi")]
    public string? Aksi { get; set; }

    public int? Id { get; private set; }

    public IReadOnlyList<CategoryChoice> Categories { get; private set; } = [];

    public IReadOnlyList<FeatureChoice> Products { get; private set; } = [];

    public IReadOnlyList<FeatureChoice> ProductMatches { get; private set; } = [];

    public IReadOnlyList<FeatureChoice> Ikms { get; private set; } = [];

    public IReadOnlyList<FeatureChoice> IkmMatches { get; private set; } = [];

    public bool Searched { get; private set; }

    public CampaignSnapshot? Conflict { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } campaignId)
        {
            var campaign = await editor.RunAsync(campaignId, cancellationToken);
            if (campaign is null)
            {
                return NotFound();
            }
            Input = InputModel.From(campaign);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (Aksi is FindProductsValue or FindIkmsValue)
        {
            ModelState.Clear();
            await LoadAsync(cancellationToken);
            Searched = true;
            if (Aksi == FindProductsValue && !string.IsNullOrWhiteSpace(Input.ProductSearch))
            {
                ProductMatches = (await editor.FindProductsAsync(Input.ProductSearch, cancellationToken)).Where(p => !Input.ProductIds.Contains(p.Id)).ToList();
            }
            if (Aksi == FindIkmsValue && !string.IsNullOrWhiteSpace(Input.IkmSearch))
            {
                IkmMatches = (await editor.FindIkmsAsync(Input.IkmSearch, cancellationToken)).Where(i => !Input.IkmIds.Contains(i.Id)).ToList();
            }
            return Page();
        }
        if (Aksi is not (null or SaveValue))
        {
            return BadRequest();
        }
        await LoadAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Input.Hashtag) && !Campaign.IsValidHashtag(Input.Hashtag.Trim()))
        {
            ModelState.AddModelError("Input.Hashtag", text["Tagar diawali # lalu huruf, angka atau garis bawah, tanpa spasi. Contoh: #SatuDalamKopi."]);
        }
        if (Input.StartsOn is null)
        {
            ModelState.AddModelError("Input.StartsOn", text["Isi {0}.", text["Mulai"]]);
        }
        else if (!Campaign.AreValidDates(Input.StartsOn.Value, Input.EndsOn))
        {
            ModelState.AddModelError("Input.EndsOn", text["Tanggal selesai tidak boleh sebelum tanggal mulai."]);
        }
        if (!string.IsNullOrWhiteSpace(Input.Slug) && Domain.Slug.From(Input.Slug).Length == 0)
        {
            ModelState.AddModelError("Input.Slug", text["Isi alamat dengan huruf atau angka."]);
        }
        if (Input.CategoryIds.Any(c => Categories.All(x => x.Id != c)))
        {
            ModelState.AddModelError("Input.CategoryIds", text["Kategori tidak dikenal."]);
        }
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        // A new banner is stored first: if the form is refused, the banner stays in it.
        if (Input.Banner is { Length: > 0 } banner)
        {
            var stored = await images.SaveUploadAsAddressAsync(banner, ImagePurpose.PostPhoto, userId, cancellationToken);
            if (stored.Value is { } address)
            {
                Input.BannerPath = address;
                ModelState.Remove("Input.BannerPath");
            }
            else
            {
                ModelState.AddModelError("Input.Banner", stored.Failure!.Message(text));
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await save.RunAsync(new CampaignForm(id, Input.Version, Input.Name, Input.Hashtag, Input.Slug, Input.Tagline, Input.Description,
            Input.BannerPath, Input.BannerCredit, Input.StartsOn!.Value, Input.EndsOn, Input.CategoryIds, Input.ProductIds, Input.IkmIds), userId, cancellationToken);
        switch (result.Outcome)
        {
            case SaveCampaignOutcome.Saved:
                Saved = "saved";
                return Redirect($"/admin/kampanye/ubah/{result.Id}");
            case SaveCampaignOutcome.NotFound:
                return NotFound();
            case SaveCampaignOutcome.Conflict:
                Conflict = result.Current;
                ModelState.Remove("Input.Version");
                Input.Version = result.Current!.Version;
                ModelState.AddModelError(string.Empty, text["Kampanye ini baru saja disimpan orang lain. Bandingkan versi tersimpan dengan isian Anda; isian Anda belum disimpan. Simpan lagi untuk menimpa versi tersimpan."]);
                return Page();
            case SaveCampaignOutcome.SlugInvalid:
                ModelState.AddModelError("Input.Slug", text["Isi alamat dengan huruf atau angka."]);
                return Page();
            default:
                ModelState.AddModelError("Input.Slug", text["Alamat ini sudah dipakai kampanye lain. Pilih alamat lain; isian Anda belum disimpan."]);
                return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Categories = await editor.CategoriesAsync(cancellationToken);
        Products = await editor.ProductsAsync(Input.ProductIds, cancellationToken);
        Ikms = await editor.IkmsAsync(Input.IkmIds, cancellationToken);
    }

    public sealed class InputModel
    {
        public uint Version { get; set; }

        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Nama kampanye")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(Campaign.HashtagMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Tagar")]
        public string Hashtag { get; set; } = "";

        [StringLength(Domain.Slug.MaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Alamat (slug)")]
        public string? Slug { get; set; }

        [StringLength(300, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Slogan")]
        public string? Tagline { get; set; }

        [StringLength(20_000, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Cerita kampanye (Markdown)")]
        public string? Description { get; set; }

        /// The stored banner's address; a new upload replaces it.
        [StringLength(500, ErrorMessage = "{0} paling banyak {1} karakter.")]
        public string? BannerPath { get; set; }

        /// A new banner (JPEG, PNG or WebP up to 5 MB, checked by ImageStore).
        public IFormFile? Banner { get; set; }

        [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Kredit spanduk")]
        public string? BannerCredit { get; set; }

        [Display(Name = "Mulai")]
        public DateOnly? StartsOn { get; set; }

        [Display(Name = "Selesai (kosongkan bila tanpa batas)")]
        public DateOnly? EndsOn { get; set; }

        public int[] CategoryIds { get; set; } = [];

        public int[] ProductIds { get; set; } = [];

        public int[] IkmIds { get; set; } = [];

        [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Cari produk (nama atau alamat)")]
        public string? ProductSearch { get; set; }

        [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Cari IKM (nama atau alamat)")]
        public string? IkmSearch { get; set; }

        public static InputModel From(CampaignEditorView c) => new()
        {
            Version = c.Version,
            Name = c.Name,
            Hashtag = c.Hashtag,
            Slug = c.Slug,
            Tagline = c.Tagline,
            Description = c.Description,
            BannerPath = c.BannerPath,
            BannerCredit = c.BannerCredit,
            StartsOn = c.StartsOn,
            EndsOn = c.EndsOn,
            CategoryIds = c.CategoryIds,
            ProductIds = c.ProductIds,
            IkmIds = c.IkmIds,
        };
    }
}
