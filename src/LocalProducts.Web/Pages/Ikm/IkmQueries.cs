using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Images;
using LocalProducts.Web.Pages.Products;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Ikm;

public sealed record IkmListItem(string Slug, string Name, string RegencyName, string ProvinceName, string? Sentra, int ProductCount, StoredImageView? Logo);

public sealed record IkmDirectoryInput(string? Q, string? Provinsi, string? Kota, string? Kategori, string? Sentra, int Halaman)
{
    /// Every parameter <see cref="Parse"/> reads: what the output cache varies by.
    public const string QueryKeys = "q,provinsi,kota,kategori,sentra,halaman";

    public static IkmDirectoryInput Parse(IQueryCollection query)
    {
        static string? Value(IQueryCollection query, string key, int max) =>
            query.TryGetValue(key, out var v) && v is [{ } first, ..] && !string.IsNullOrWhiteSpace(first) && first.Length <= max
                ? first.Trim() : null;
        var page = int.TryParse(Value(query, "halaman", 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : 1;
        return new IkmDirectoryInput(Value(query, "q", 200), Value(query, "provinsi", 60), Value(query, "kota", 8), Value(query, "kategori", 120), Value(query, "sentra", 200), page);
    }

    public string Url(int halaman)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }
        Add("q", Q);
        Add("provinsi", Provinsi);
        Add("kota", Kota);
        Add("kategori", Kategori);
        Add("sentra", Sentra);
        if (halaman > 1)
        {
            Add("halaman", halaman.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "/ikm" : "/ikm?" + string.Join('&', parts);
    }
}

public sealed record NamedOption(string Key, string Name, int Count);

public sealed record IkmDirectoryView(
    IkmDirectoryInput Input,
    IReadOnlyList<IkmListItem> Makers,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<NamedOption> Provinces,
    IReadOnlyList<NamedOption> Regencies,
    IReadOnlyList<NamedOption> Categories,
    IReadOnlyList<NamedOption> Sentras);

/// The directory of verified makers, filtered by name, province, regency, category (makers with a
/// published product in it) and sentra, paged, ordered by province then name.
public sealed class IkmDirectoryQuery(AppDbContext db)
{
    public const int PageSize = 48;

    public async Task<IkmDirectoryView> RunAsync(IkmDirectoryInput input, bool english, CancellationToken cancellationToken)
    {
        var provinces = (await db.Provinces.AsNoTracking().ToListAsync(cancellationToken))
            .ToDictionary(p => Slug.From(p.Name), StringComparer.Ordinal);
        var makers = db.Ikms.AsNoTracking().Where(i => i.Verification == VerificationState.Verified);
        var byRegion = makers;
        if (input.Provinsi is not null && provinces.TryGetValue(input.Provinsi, out var province))
        {
            makers = makers.Where(i => i.ProvinceCode == province.Code);
        }
        if (input.Kota is not null)
        {
            makers = makers.Where(i => i.RegencyCode == input.Kota);
        }
        if (input.Kategori is not null)
        {
            makers = makers.Where(i => i.Products.Any(p => p.State == ProductState.Published
                && (p.Category!.Slug == input.Kategori || (p.Category.Parent != null && p.Category.Parent.Slug == input.Kategori))));
        }
        if (input.Sentra is not null)
        {
            makers = makers.Where(i => i.Sentra == input.Sentra);
        }
        if (input.Q is not null)
        {
            var pattern = "%" + input.Q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            makers = makers.Where(i => EF.Functions.ILike(i.Name, pattern, "\\") || (i.Sentra != null && EF.Functions.ILike(i.Sentra, pattern, "\\")));
        }

        var total = await makers.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var page = Math.Min(input.Halaman, pageCount);
        var items = await makers
            .OrderBy(i => i.Province!.Name).ThenBy(i => i.Name).ThenBy(i => i.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new IkmListItem(i.Slug, i.Name, i.Regency!.Name, i.Province!.Name, i.Sentra,
                i.Products.Count(p => p.State == ProductState.Published),
                i.Logo == null ? null : new StoredImageView(i.Logo.Id, i.Logo.Width, i.Logo.Height, i.Logo.Widths, i.Logo.ShareWidth)))
            .ToListAsync(cancellationToken);

        var provinceOptions = (await byRegion.GroupBy(i => i.ProvinceCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .Join(provinces.Values, g => g.Key, p => p.Code, (g, p) => new NamedOption(Slug.From(p.Name), p.Name, g.Count))
            .OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var chosenProvince = input.Provinsi is not null && provinces.TryGetValue(input.Provinsi, out var chosen) ? chosen.Code : null;
        var regencyOptions = chosenProvince is null
            ? []
            : (await byRegion.Where(i => i.ProvinceCode == chosenProvince).GroupBy(i => new { i.RegencyCode, i.Regency!.Name })
                    .Select(g => new { g.Key.RegencyCode, g.Key.Name, Count = g.Count() }).OrderBy(g => g.Name).ToListAsync(cancellationToken))
                .Select(g => new NamedOption(g.RegencyCode, g.Name, g.Count)).ToList();
        var categoryOptions = await db.Categories.AsNoTracking().Where(c => c.ParentId == null).OrderBy(c => c.SortOrder)
            .Select(c => new NamedOption(c.Slug, english ? c.NameEn : c.Name, 0)).ToListAsync(cancellationToken);
        var sentraOptions = (await byRegion.Where(i => i.Sentra != null).GroupBy(i => i.Sentra!)
                .Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Key).Take(200).ToListAsync(cancellationToken))
            .Select(g => new NamedOption(g.Key, g.Key, g.Count)).ToList();
        return new IkmDirectoryView(input with { Halaman = page }, items, total, page, pageCount, provinceOptions, regencyOptions, categoryOptions, sentraOptions);
    }
}

public sealed record IkmProfileView(
    string Slug,
    string Name,
    string StoryHtml,
    string StoryText,
    IkmScale Scale,
    string RegencyName,
    string ProvinceName,
    string? DistrictName,
    string? Address,
    string? Sentra,
    int? FoundedYear,
    string? WhatsApp,
    string? Email,
    string? Website,
    bool IsVerified,
    StoredImageView? Logo,
    IReadOnlyList<ProductCard> Products)
{
    /// Completed every module of an e-Smart IKM cohort: the profile shows the alumni badge.
    public DateOnly? ESmartAlumniSince { get; init; }

    /// The maker's static QRIS, for paying them directly (at an event): only with its merchant name.
    public IkmQrisView? Qris { get; init; }
}

public sealed record IkmQrisView(StoredImageView Image, string MerchantName);

public sealed class IkmProfileQuery(AppDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    public async Task<IkmProfileView?> RunAsync(string slug, bool english, CancellationToken cancellationToken)
    {
        var ikm = await db.Ikms.AsNoTracking()
            .Where(i => i.Slug == slug && i.Verification == VerificationState.Verified)
            .Select(i => new
            {
                i.Id,
                i.Slug,
                i.Name,
                i.Story,
                i.Scale,
                RegencyName = i.Regency!.Name,
                ProvinceName = i.Province!.Name,
                DistrictName = i.District == null ? null : i.District.Name,
                i.Address,
                i.Sentra,
                i.FoundedYear,
                i.WhatsApp,
                i.Email,
                i.Website,
                i.ESmartAlumniSince,
                Logo = i.Logo == null ? null : new StoredImageView(i.Logo.Id, i.Logo.Width, i.Logo.Height, i.Logo.Widths, i.Logo.ShareWidth),
                Qris = i.Qris == null ? null : new StoredImageView(i.Qris.Id, i.Qris.Width, i.Qris.Height, i.Qris.Widths, i.Qris.ShareWidth),
                i.QrisMerchantName,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (ikm is null)
        {
            return null;
        }
        var products = await ProductCard.Visible(db.Products.AsNoTracking())
            .Where(p => p.IkmId == ikm.Id)
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .Select(ProductCard.Projection(Wib.Today(clock), english))
            .ToListAsync(cancellationToken);
        return new IkmProfileView(ikm.Slug, ikm.Name, markdown.ToSafeHtml(ikm.Story), markdown.ToPlainText(ikm.Story), ikm.Scale,
            ikm.RegencyName, ikm.ProvinceName, ikm.DistrictName, ikm.Address, ikm.Sentra, ikm.FoundedYear,
            ikm.WhatsApp, ikm.Email, ikm.Website, IsVerified: true, ikm.Logo, products)
        {
            ESmartAlumniSince = ikm.ESmartAlumniSince,
            Qris = ikm.Qris is { } qris && ikm.QrisMerchantName is { } merchant ? new IkmQrisView(qris, merchant) : null,
        };
    }
}
