using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Pages.Products;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Dashboard;

public sealed record CategoryOption(int Id, string Name);
public sealed record CategoryGroup(string Name, IReadOnlyList<CategoryOption> Leaves);
public sealed record OwnerIkmFacts(int Id, string Name, bool IsVerified, string? WhatsApp);
public sealed record ProductFormOptions(OwnerIkmFacts? Ikm, IReadOnlyList<CategoryGroup> Categories);
public sealed record ProductFormState(
    int Id, string Slug, string Name, ProductState State, string? HiddenReason, ProductForm Form);

/// What the product form needs: the owner's IKM, the leaf categories, and a product of theirs.
public sealed class ProductFormQuery(AppDbContext db)
{
    public async Task<ProductFormOptions> OptionsAsync(Guid ownerId, bool english, CancellationToken cancellationToken)
    {
        var ikm = await OwnedIkm.Of(db, ownerId)
            .Select(i => new OwnerIkmFacts(i.Id, i.Name, i.Verification == VerificationState.Verified, i.WhatsApp))
            .FirstOrDefaultAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.ParentId, Name = english ? c.NameEn : c.Name, c.SortOrder })
            .ToListAsync(cancellationToken);
        var parents = categories.Where(c => c.ParentId is null).OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal);
        var groups = parents
            .Select(p => new CategoryGroup(p.Name, [.. categories.Where(c => c.ParentId == p.Id)
                .OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => new CategoryOption(c.Id, c.Name))]))
            .Where(g => g.Leaves.Count > 0)
            .ToList();
        return new ProductFormOptions(ikm, groups);
    }

    /// The owner's product as a form; null when there is no such product of theirs.
    public async Task<ProductFormState?> LoadAsync(Guid ownerId, int productId, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking()
            .Where(p => p.Id == productId && p.Ikm!.OwnerId == ownerId)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Name,
                p.State,
                p.HiddenReason,
                p.CategoryId,
                p.Description,
                p.PriceMin,
                p.PriceMax,
                p.Unit,
                p.MinOrder,
                p.Version,
                Certifications = p.Certifications.OrderBy(c => c.Id).ToList(),
                Links = p.MarketplaceLinks.ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return null;
        }
        var form = new ProductForm
        {
            Name = product.Name,
            CategoryId = product.CategoryId,
            Description = product.Description,
            PriceMin = PriceText.Format(product.PriceMin),
            PriceMax = product.PriceMax is { } max ? PriceText.Format(max) : null,
            Unit = product.Unit,
            MinOrder = product.MinOrder,
            Version = product.Version,
            Certifications = [.. product.Certifications.Select(c => new CertificationInput
            {
                Kind = c.Kind,
                Number = c.Number,
                IssuedOn = c.IssuedOn,
                ExpiresOn = c.ExpiresOn,
                TkdnPercent = PercentText.Format(c.TkdnPercent),
                BmpPercent = PercentText.Format(c.BmpPercent),
            })],
            Links = [.. product.Links.Select(l => new LinkInput { Platform = l.Platform, Url = l.Url })],
        }.Normalize();
        return new ProductFormState(product.Id, product.Slug, product.Name, product.State, product.HiddenReason, form);
    }
}

/// Adds or changes an owner's product with its certificates and marketplace links. Listings of a
/// verified IKM publish at once; those of an unverified IKM wait for staff (PendingReview). A
/// listing staff hid goes back to review when its owner changes it; one the owner hid stays hidden.
public sealed class SaveProductCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    AuditLog audit,
    OutputCacheEviction cache,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<SaveProductCommand> logger)
{
    public async Task<SaveResult> RunAsync(ClaimsPrincipal user, int? productId, ProductForm form, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(user) is not { } ownerId)
        {
            return SaveResult.NotFound;
        }
        form.Normalize();
        Product? product = null;
        Domain.Ikm? ikm;
        if (productId is { } id)
        {
            product = await db.Products
                .Include(p => p.Ikm)
                .Include(p => p.Certifications)
                .Include(p => p.MarketplaceLinks)
                .AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Id == id && p.Ikm!.OwnerId == ownerId, cancellationToken);
            if (product is null || !(await authorization.AuthorizeAsync(user, product, Operations.Edit)).Succeeded)
            {
                return SaveResult.NotFound;
            }
            ikm = product.Ikm!;
        }
        else
        {
            ikm = await db.Ikms.Where(i => i.OwnerId == ownerId).OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
            if (ikm is null)
            {
                return SaveResult.Invalid([new FormError("", text["Daftarkan usaha Anda dulu; produk selalu milik sebuah IKM."])]);
            }
            // Adding a product changes the IKM's catalogue: the same right as editing the IKM.
            if (!(await authorization.AuthorizeAsync(user, ikm, Operations.Edit)).Succeeded)
            {
                return SaveResult.NotFound;
            }
        }

        var (prices, errors) = await ValidateAsync(form, cancellationToken);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }
        if (product is not null && product.Version != form.Version)
        {
            // The row changes without anyone editing it too (the database refreshes derived
            // columns when the IKM is renamed): a conflict is only one the user can see.
            var rows = await ConflictRowsAsync(product, form, cancellationToken);
            if (rows.Count > 0)
            {
                return SaveResult.Conflicted(rows, product.Version);
            }
            form.Version = product.Version;
        }

        var now = clock.GetUtcNow();
        string notice;
        if (product is null)
        {
            var slugBase = UniqueSlug.BaseOf(form.Name, "produk");
            var taken = await db.Products.Where(p => p.Slug == slugBase || p.Slug.StartsWith(slugBase + "-")).Select(p => p.Slug).ToListAsync(cancellationToken);
            product = new Product { IkmId = ikm.Id, Slug = UniqueSlug.Choose(slugBase, taken), Name = form.Name.Trim(), CreatedAt = now };
            db.Products.Add(product);
            if (ikm.IsVerified)
            {
                product.Publish(now);
                notice = text["Produk ditambahkan dan sudah tayang di katalog."];
            }
            else
            {
                notice = text["Produk ditambahkan. Produk tayang setelah ditinjau staf Kemenperin."];
            }
        }
        else
        {
            db.Entry(product).Property(p => p.Version).OriginalValue = form.Version;
            if (product.IsHiddenByStaff)
            {
                product.SubmitForReview();
                audit.Describe(product, AuditActions.Resubmitted);
                notice = text["Perubahan disimpan dan produk diajukan lagi untuk ditinjau staf."];
            }
            else if (product.State == ProductState.Hidden)
            {
                notice = text["Perubahan disimpan. Produk tetap disembunyikan sampai Anda menampilkannya lagi."];
            }
            else if (ikm.IsVerified)
            {
                product.Publish(now);
                notice = text["Perubahan disimpan dan sudah tayang di katalog."];
            }
            else
            {
                product.SubmitForReview();
                notice = text["Perubahan disimpan. Produk tayang setelah ditinjau staf Kemenperin."];
            }
        }
        Apply(product, form, prices, now);

        try
        {
            await SaveAsync(product, form, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Products.AsNoTracking().Include(p => p.Certifications).Include(p => p.MarketplaceLinks).AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Id == product.Id, cancellationToken);
            return current is null ? SaveResult.NotFound : SaveResult.Conflicted(await ConflictRowsAsync(current, form, cancellationToken), current.Version);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            logger.LogInformation("Product save refused by unique index {Constraint}", unique.ConstraintName);
            return SaveResult.Invalid([new FormError("", text["Data ini baru saja dipakai pihak lain. Coba simpan lagi."])]);
        }
        await cache.EvictAsync(OutputCacheEviction.CatalogueTag, cancellationToken);
        logger.LogInformation("Product {ProductId} saved by owner {OwnerId}, state {State}", product.Id, ownerId, product.State);
        return SaveResult.Saved(notice, product.Id);
    }

    /// Two saves in one transaction: first the product row, checked against the version the form
    /// was filled from; then its certificates and links. A certificate change makes the database
    /// refresh the product row (derived columns), which would fail the version check if it ran
    /// first.
    private async Task SaveAsync(Product product, ProductForm form, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        ApplyCertificationsAndLinks(product, form);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Apply(Product product, ProductForm form, (long Min, long? Max) prices, DateTimeOffset now)
    {
        product.Name = form.Name.Trim();
        product.CategoryId = form.CategoryId!.Value;
        product.Description = Clean(form.Description);
        product.SetPrice(prices.Min, prices.Max);
        product.Unit = Clean(form.Unit);
        product.MinOrder = form.MinOrder ?? 1;
        product.UpdatedAt = now;
    }

    private static void ApplyCertificationsAndLinks(Product product, ProductForm form)
    {
        foreach (var input in form.Certifications)
        {
            var existing = product.Certifications.FirstOrDefault(c => c.Kind == input.Kind);
            var number = Clean(input.Number);
            if (number is null)
            {
                if (existing is not null)
                {
                    product.RemoveCertification(existing);
                }
                continue;
            }
            var certification = existing ?? new Certification { Kind = input.Kind, Number = number };
            certification.Number = number;
            certification.IssuedOn = input.IssuedOn;
            certification.ExpiresOn = input.ExpiresOn;
            certification.TkdnPercent = input.Kind == CertificationKind.Tkdn && PercentText.TryParse(input.TkdnPercent, out var tkdn) ? tkdn : null;
            certification.BmpPercent = input.Kind == CertificationKind.Tkdn && PercentText.TryParse(input.BmpPercent, out var bmp) ? bmp : null;
            if (existing is null)
            {
                product.AddCertification(certification);
            }
        }

        foreach (var input in form.Links)
        {
            var existing = product.MarketplaceLinks.FirstOrDefault(l => l.Platform == input.Platform);
            var url = Clean(input.Url);
            if (url is null)
            {
                if (existing is not null)
                {
                    product.RemoveMarketplaceLink(existing);
                }
            }
            else if (existing is null)
            {
                product.AddMarketplaceLink(input.Platform, url);
            }
            else
            {
                existing.Url = url;
            }
        }
    }

    private async Task<((long Min, long? Max) Prices, List<FormError> Errors)> ValidateAsync(ProductForm form, CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        var categoryId = form.CategoryId ?? 0;
        var isLeaf = await db.Categories.AnyAsync(c => c.Id == categoryId && !db.Categories.Any(child => child.ParentId == c.Id), cancellationToken);
        if (!isLeaf)
        {
            errors.Add(new("Input.CategoryId", text["Pilih kategori dari daftar."]));
        }

        long min = 0;
        long? max = null;
        if (!PriceText.TryParse(form.PriceMin, out min))
        {
            errors.Add(new("Input.PriceMin", text["Tulis harga dalam rupiah tanpa desimal, misalnya 25.000 atau 25000."]));
        }
        else if (min <= 0)
        {
            errors.Add(new("Input.PriceMin", text["Harga harus lebih dari Rp 0."]));
        }
        if (!string.IsNullOrWhiteSpace(form.PriceMax))
        {
            if (!PriceText.TryParse(form.PriceMax, out var upper))
            {
                errors.Add(new("Input.PriceMax", text["Tulis harga dalam rupiah tanpa desimal, misalnya 25.000 atau 25000."]));
            }
            else if (upper < min)
            {
                errors.Add(new("Input.PriceMax", text["Harga tertinggi lebih rendah dari harga terendah. Tukar kedua isian atau perbaiki salah satunya."]));
            }
            else
            {
                max = upper;
            }
        }

        for (var i = 0; i < form.Certifications.Count; i++)
        {
            var c = form.Certifications[i];
            var name = CertificationNames.Name(c.Kind);
            var key = $"Input.Certifications[{i}]";
            if (string.IsNullOrWhiteSpace(c.Number))
            {
                if (!c.IsEmpty)
                {
                    errors.Add(new($"{key}.Number", text["Isi nomor sertifikat {0}, atau kosongkan semua isian {0}.", name]));
                }
                continue;
            }
            if (c.IssuedOn is { } issued && c.ExpiresOn is { } expires && expires < issued)
            {
                errors.Add(new($"{key}.ExpiresOn", text["Tanggal berlaku sertifikat {0} lebih awal dari tanggal terbitnya.", name]));
            }
            if (c.Kind == CertificationKind.Tkdn)
            {
                if (!PercentText.TryParse(c.TkdnPercent, out var tkdn) || tkdn is < 0 or > 100)
                {
                    errors.Add(new($"{key}.TkdnPercent", text["Isi nilai TKDN antara 0 dan 100 persen, misalnya 45,5."]));
                }
                if (!string.IsNullOrWhiteSpace(c.BmpPercent) && (!PercentText.TryParse(c.BmpPercent, out var bmp) || bmp is < 0 or > 15))
                {
                    errors.Add(new($"{key}.BmpPercent", text["Nilai BMP antara 0 dan 15 persen."]));
                }
            }
            else if (!string.IsNullOrWhiteSpace(c.TkdnPercent) || !string.IsNullOrWhiteSpace(c.BmpPercent))
            {
                errors.Add(new($"{key}.TkdnPercent", text["Persentase TKDN dan BMP hanya untuk sertifikat TKDN."]));
            }
        }

        for (var i = 0; i < form.Links.Count; i++)
        {
            var link = form.Links[i];
            var url = Clean(link.Url);
            if (url is not null && !Marketplaces.IsShopUrl(link.Platform, url))
            {
                var platform = Marketplaces.DisplayName(link.Platform);
                errors.Add(new($"Input.Links[{i}].Url",
                    text["Tautan {0} harus alamat https dari situs {0} itu sendiri, misalnya tautan toko Anda di {0}. Tautan http:, javascript: atau situs lain tidak diterima.", platform]));
            }
        }
        return ((min, max), errors);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<IReadOnlyList<ConflictRow>> ConflictRowsAsync(Product saved, ProductForm typed, CancellationToken cancellationToken)
    {
        var ids = new[] { saved.CategoryId, typed.CategoryId ?? 0 };
        var categories = await db.Categories.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var typedMin = PriceText.TryParse(typed.PriceMin, out var min) ? min : (long?)null;
        var typedMax = PriceText.TryParse(typed.PriceMax, out var max) ? max : (long?)null;
        var rows = new List<ConflictRow>
        {
            new("Nama produk", saved.Name, typed.Name),
            new("Kategori", categories.GetValueOrDefault(saved.CategoryId), typed.CategoryId is { } c ? categories.GetValueOrDefault(c) : null),
            new("Deskripsi", saved.Description, typed.Description),
            new("Harga", Rupiah.FormatRange(saved.PriceMin, saved.PriceMax),
                typedMin is { } tmin ? Rupiah.FormatRange(tmin, typedMax) : typed.PriceMin),
            new("Satuan", saved.Unit, typed.Unit),
            new("Minimal pembelian", saved.MinOrder.ToString(CultureInfo.InvariantCulture), typed.MinOrder?.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var kind in Enum.GetValues<CertificationKind>())
        {
            var s = saved.Certifications.FirstOrDefault(x => x.Kind == kind);
            var t = typed.Certifications.FirstOrDefault(x => x.Kind == kind);
            rows.Add(new(CertificationNames.Name(kind),
                s is null ? null : Describe(s.Number, s.IssuedOn, s.ExpiresOn, PercentText.Format(s.TkdnPercent), PercentText.Format(s.BmpPercent)),
                t is null || string.IsNullOrWhiteSpace(t.Number) ? null : Describe(t.Number, t.IssuedOn, t.ExpiresOn, t.TkdnPercent, t.BmpPercent)));
        }
        foreach (var platform in Enum.GetValues<Marketplace>())
        {
            rows.Add(new(Marketplaces.DisplayName(platform),
                saved.MarketplaceLinks.FirstOrDefault(l => l.Platform == platform)?.Url,
                Clean(typed.Links.FirstOrDefault(l => l.Platform == platform)?.Url)));
        }
        return [.. rows.Where(r => !FieldChanges.SameValue(r.Saved?.Trim(), r.Typed?.Trim()))];
    }

    private static string Describe(string? number, DateOnly? issued, DateOnly? expires, string? tkdn, string? bmp)
    {
        var parts = new List<string> { number?.Trim() ?? "" };
        if (issued is not null || expires is not null)
        {
            parts.Add($"{issued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"} – {expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}");
        }
        if (!string.IsNullOrWhiteSpace(tkdn))
        {
            parts.Add($"TKDN {tkdn.Trim()} %");
        }
        if (!string.IsNullOrWhiteSpace(bmp))
        {
            parts.Add($"BMP {bmp.Trim()} %");
        }
        return string.Join(" · ", parts);
    }
}

/// An owner hides a listing of theirs from shoppers, or shows it again. A listing staff hid (with
/// a reason) is shown again only after the owner changes it and staff approve it.
public sealed class HideProductCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    AuditLog audit,
    OutputCacheEviction cache,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<HideProductCommand> logger)
{
    public async Task<SaveResult> RunAsync(ClaimsPrincipal user, int productId, bool hide, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(user) is not { } ownerId)
        {
            return SaveResult.NotFound;
        }
        var product = await db.Products.Include(p => p.Ikm)
            .FirstOrDefaultAsync(p => p.Id == productId && p.Ikm!.OwnerId == ownerId, cancellationToken);
        if (product is null || !(await authorization.AuthorizeAsync(user, product, Operations.Hide)).Succeeded)
        {
            return SaveResult.NotFound;
        }

        string notice;
        if (hide)
        {
            if (product.State == ProductState.Hidden)
            {
                return SaveResult.Saved(text["Produk ini sudah disembunyikan."], product.Id);
            }
            product.Hide(reason: null);
            audit.Describe(product, AuditActions.Hidden);
            notice = text["Produk disembunyikan dari katalog."];
        }
        else
        {
            if (product.IsHiddenByStaff)
            {
                return SaveResult.Invalid([new FormError("", text["Produk ini disembunyikan staf. Ubah produk sesuai alasannya; setelah disimpan, produk diajukan lagi untuk ditinjau."])]);
            }
            if (product.State != ProductState.Hidden)
            {
                return SaveResult.Saved(text["Produk ini tidak disembunyikan."], product.Id);
            }
            if (product.Ikm!.IsVerified)
            {
                product.Publish(clock.GetUtcNow());
                notice = text["Produk tayang lagi di katalog."];
            }
            else
            {
                product.SubmitForReview();
                notice = text["Produk diajukan lagi dan tayang setelah ditinjau staf Kemenperin."];
            }
            audit.Describe(product, AuditActions.Unhidden);
        }
        product.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictAsync(OutputCacheEviction.CatalogueTag, cancellationToken);
        logger.LogInformation("Product {ProductId} {Action} by owner {OwnerId}", product.Id, hide ? "hidden" : "shown", ownerId);
        return SaveResult.Saved(notice, product.Id);
    }
}

/// Deletes an owner's product with its certificates, links, photos and click counts.
public sealed class DeleteProductCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    OutputCacheEviction cache,
    IStringLocalizer<SharedResource> text,
    ILogger<DeleteProductCommand> logger)
{
    public async Task<SaveResult> RunAsync(ClaimsPrincipal user, int productId, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(user) is not { } ownerId)
        {
            return SaveResult.NotFound;
        }
        var product = await db.Products.Include(p => p.Ikm)
            .FirstOrDefaultAsync(p => p.Id == productId && p.Ikm!.OwnerId == ownerId, cancellationToken);
        if (product is null || !(await authorization.AuthorizeAsync(user, product, Operations.Delete)).Succeeded)
        {
            return SaveResult.NotFound;
        }
        db.Products.Remove(product);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictAsync(OutputCacheEviction.CatalogueTag, cancellationToken);
        logger.LogInformation("Product {ProductId} deleted by owner {OwnerId}", productId, ownerId);
        return SaveResult.Saved(text["Produk \"{0}\" dihapus.", product.Name], productId);
    }
}
