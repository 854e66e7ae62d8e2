using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Pages.Products;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Dashboard.Products;

/// Adds or changes an owner's product with its certificates and marketplace links. Listings of a
/// verified IKM publish at once; those of an unverified IKM wait for staff (PendingReview). A
/// listing staff hid goes back to review when its owner changes it; one the owner hid stays hidden.
public sealed class SaveProductCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<SaveProductCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int? productId, ProductForm form, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(user) is not { } ownerId)
        {
            return CommandResult.NotFound;
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
                return CommandResult.NotFound;
            }
            ikm = product.Ikm!;
        }
        else
        {
            ikm = await db.Ikms.Where(i => i.OwnerId == ownerId).OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
            if (ikm is null)
            {
                return CommandResult.Invalid("", text["Daftarkan usaha Anda dulu; produk selalu milik sebuah IKM."]);
            }
            // Adding a product changes the IKM's catalogue: the same right as editing the IKM.
            if (!(await authorization.AuthorizeAsync(user, ikm, Operations.Edit)).Succeeded)
            {
                return CommandResult.NotFound;
            }
        }

        var (prices, errors) = await ValidateAsync(form, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        if (product is not null && product.Version != form.Version)
        {
            // The row changes without anyone editing it too (the database refreshes derived
            // columns when the IKM is renamed): a conflict is only one the user can see.
            var rows = await ConflictRowsAsync(product, form, cancellationToken);
            if (rows.Count > 0)
            {
                return CommandResult.Conflicted(new FieldConflict(rows, product.Version));
            }
            form.Version = product.Version;
        }

        var now = clock.GetUtcNow();
        string notice;
        if (product is null)
        {
            var slugBase = UniqueSlug.BaseOf(form.Name, "produk");
            var taken = await db.Products.Where(p => p.Slug == slugBase || p.Slug.StartsWith(slugBase + "-")).Select(p => p.Slug).ToListAsync(cancellationToken);
            product = Product.ListedBy(ikm, UniqueSlug.Choose(slugBase, taken), form.Name.Trim(), now);
            db.Products.Add(product);
            notice = product.State == ProductState.Published
                ? text["Produk ditambahkan dan sudah tayang di katalog."]
                : text["Produk ditambahkan. Produk tayang setelah ditinjau staf Kemenperin."];
        }
        else
        {
            db.Entry(product).Property(p => p.Version).OriginalValue = form.Version;
            var change = product.ChangedByOwner(ikm.IsVerified, now);
            if (change == ListingChange.SentBackForReview)
            {
                audit.Describe(product, AuditActions.Resubmitted);
            }
            notice = change switch
            {
                ListingChange.SentBackForReview => text["Perubahan disimpan dan produk diajukan lagi untuk ditinjau staf."],
                ListingChange.StaysHidden => text["Perubahan disimpan. Produk tetap disembunyikan sampai Anda menampilkannya lagi."],
                ListingChange.Published => text["Perubahan disimpan dan sudah tayang di katalog."],
                _ => text["Perubahan disimpan. Produk tayang setelah ditinjau staf Kemenperin."],
            };
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
            return current is null
                ? CommandResult.NotFound
                : CommandResult.Conflicted(new FieldConflict(await ConflictRowsAsync(current, form, cancellationToken), current.Version));
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            logger.LogInformation("Product save refused by unique index {Constraint}", unique.ConstraintName);
            return CommandResult.Invalid("", text["Data ini baru saja dipakai pihak lain. Coba simpan lagi."]);
        }
        logger.LogInformation("Product {ProductId} saved by owner {OwnerId}, state {State}", product.Id, ownerId, product.State);
        return CommandResult.Saved(notice, product.Id);
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
                product.ChangeMarketplaceLink(existing, url);
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
        foreach (var platform in Marketplaces.Shops)
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
