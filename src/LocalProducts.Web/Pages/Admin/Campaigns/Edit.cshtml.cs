using LocalProducts.Web.Infrastructure.Images;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Campaigns;

/// Create (no id) or edit a campaign. Featured products and makers are found with the search
/// buttons inside the form ("aksi"), which show the form again with the matches to tick, keeping
/// everything typed: no script needed.
[ImageUploadLimits]
public sealed class EditModel(CampaignEditorQuery editor, SaveCampaignCommand save) : PageModel
{
    public const string SaveValue = "simpan";
    public const string FindProductsValue = "cari-produk";
    public const string FindIkmsValue = "cari-ikm";

    [BindProperty]
    public CampaignForm Input { get; set; } = new();

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
            Input = CampaignForm.From(campaign);
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
        var result = await save.RunAsync(User, id, Input, ModelState.IsValid, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                Saved = "saved";
                return Redirect($"/admin/kampanye/ubah/{result.Id}");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        // The command may have stored a new banner: the form shows its address, not the one posted.
        ModelState.Remove("Input.BannerPath");
        if (result.Current is CampaignSnapshot current)
        {
            Conflict = current;
            Input.Version = current.Version;
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Categories = await editor.CategoriesAsync(cancellationToken);
        Products = await editor.ProductsAsync(Input.ProductIds, cancellationToken);
        Ikms = await editor.IkmsAsync(Input.IkmIds, cancellationToken);
    }
}
