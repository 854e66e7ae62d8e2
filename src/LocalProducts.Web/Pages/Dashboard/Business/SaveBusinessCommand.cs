using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Dashboard.Business;

/// Registers the owner's IKM or saves changes to it. A new IKM waits for verification; a rejected
/// one goes back to waiting when saved (resubmitted); a verified one goes back only when its name
/// or NIB (what staff checked against OSS) changes, other fields stay verified.
public sealed class SaveBusinessCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<SaveBusinessCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, BusinessForm form, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(user) is not { } ownerId)
        {
            return CommandResult.NotFound;
        }
        var ikm = await db.Ikms.Where(i => i.OwnerId == ownerId).OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (ikm is not null && !(await authorization.AuthorizeAsync(user, ikm, Operations.Edit)).Succeeded)
        {
            return CommandResult.NotFound;
        }

        var (values, errors) = await ValidateAsync(form, ikm?.Id, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        if (ikm is not null && ikm.Version != form.Version)
        {
            return CommandResult.Conflicted(new FieldConflict(await ConflictRowsAsync(ikm, form, cancellationToken), ikm.Version));
        }

        var now = clock.GetUtcNow();
        string notice;
        if (ikm is null)
        {
            var slugBase = UniqueSlug.BaseOf(values.Name, "ikm");
            var taken = await db.Ikms.Where(i => i.Slug == slugBase || i.Slug.StartsWith(slugBase + "-")).Select(i => i.Slug).ToListAsync(cancellationToken);
            ikm = new Domain.Ikm
            {
                Slug = UniqueSlug.Choose(slugBase, taken),
                Name = values.Name,
                Nib = values.Nib,
                ProvinceCode = values.ProvinceCode,
                RegencyCode = values.RegencyCode,
                OwnerId = ownerId,
                CreatedAt = now,
            };
            db.Ikms.Add(ikm);
            notice = text["Usaha Anda terdaftar dan menunggu verifikasi staf Kemenperin."];
        }
        else
        {
            db.Entry(ikm).Property(i => i.Version).OriginalValue = form.Version;
            switch (ikm.ChangedByOwner(values.Name, values.Nib, now))
            {
                case VerificationChange.Resubmitted:
                    audit.Describe(ikm, AuditActions.Resubmitted);
                    notice = text["Perubahan disimpan. Usaha Anda diajukan ulang dan menunggu verifikasi."];
                    break;
                case VerificationChange.ReverificationNeeded:
                    audit.Describe(ikm, AuditActions.Resubmitted, new Dictionary<string, object?> { ["reason"] = "name or NIB changed" });
                    notice = text["Perubahan disimpan. Karena nama atau NIB berubah, usaha Anda menunggu verifikasi ulang."];
                    break;
                default:
                    notice = text["Perubahan data usaha disimpan."];
                    break;
            }
        }
        Apply(ikm, values, now);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(ikm).ReloadAsync(cancellationToken);
            return CommandResult.Conflicted(new FieldConflict(await ConflictRowsAsync(ikm, form, cancellationToken), ikm.Version));
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // Another IKM took the NIB or slug between the check and the save.
            logger.LogInformation("IKM save refused by unique index {Constraint}", unique.ConstraintName);
            return unique.ConstraintName?.Contains("nib", StringComparison.Ordinal) == true
                ? CommandResult.Invalid("Input.Nib", text["NIB ini sudah terdaftar untuk IKM lain. Jika NIB ini milik usaha Anda, hubungi staf Kemenperin."])
                : CommandResult.Invalid("", text["Data ini baru saja dipakai pihak lain. Coba simpan lagi."]);
        }
        logger.LogInformation("IKM {IkmId} saved by owner {OwnerId}", ikm.Id, ownerId);
        return CommandResult.Saved(notice, ikm.Id);
    }

    private static void Apply(Domain.Ikm ikm, BusinessValues values, DateTimeOffset now)
    {
        ikm.Scale = values.Scale;
        ikm.Kbli = values.Kbli;
        ikm.ProvinceCode = values.ProvinceCode;
        ikm.RegencyCode = values.RegencyCode;
        ikm.DistrictCode = values.DistrictCode;
        ikm.Address = values.Address;
        ikm.Sentra = values.Sentra;
        ikm.FoundedYear = values.FoundedYear;
        ikm.Story = values.Story;
        ikm.WhatsApp = values.WhatsApp;
        ikm.Email = values.Email;
        ikm.Website = values.Website;
        ikm.UpdatedAt = now;
    }

    private sealed record BusinessValues(
        string Name, string Nib, IkmScale Scale, string Kbli, string ProvinceCode, string RegencyCode, string? DistrictCode,
        string? Address, string? Sentra, int? FoundedYear, string? Story, string? WhatsApp, string? Email, string? Website);

    private async Task<(BusinessValues Values, List<FormError> Errors)> ValidateAsync(BusinessForm form, int? ikmId, CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        var nib = new string([.. (form.Nib ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '.')]);
        if (!Nib.IsValid(nib))
        {
            errors.Add(new("Input.Nib", text["NIB terdiri dari 13 angka, seperti tertulis di dokumen NIB dari OSS."]));
        }
        else if (await db.Ikms.AnyAsync(i => i.Nib == nib && i.Id != (ikmId ?? 0), cancellationToken))
        {
            errors.Add(new("Input.Nib", text["NIB ini sudah terdaftar untuk IKM lain. Jika NIB ini milik usaha Anda, hubungi staf Kemenperin."]));
        }

        var province = form.ProvinceCode ?? "";
        var regency = form.RegencyCode ?? "";
        if (!await db.Provinces.AnyAsync(p => p.Code == province, cancellationToken))
        {
            errors.Add(new("Input.ProvinceCode", text["Pilih provinsi dari daftar."]));
        }
        else if (!await db.Regencies.AnyAsync(r => r.Code == regency && r.ProvinceCode == province, cancellationToken))
        {
            errors.Add(new("Input.RegencyCode", text["Pilih kabupaten/kota di provinsi yang dipilih."]));
        }
        var district = string.IsNullOrEmpty(form.DistrictCode) ? null : form.DistrictCode;
        if (district is not null && !await db.Districts.AnyAsync(d => d.Code == district && d.RegencyCode == regency, cancellationToken))
        {
            errors.Add(new("Input.DistrictCode", text["Pilih kecamatan di kabupaten/kota yang dipilih."]));
        }

        string? whatsApp = null;
        if (!string.IsNullOrWhiteSpace(form.WhatsApp))
        {
            whatsApp = WhatsAppNumber.Normalize(form.WhatsApp);
            if (whatsApp is null)
            {
                errors.Add(new("Input.WhatsApp", text["Nomor WhatsApp tidak valid. Tulis nomor ponsel Indonesia, misalnya 0812-3456-7890 atau +62 812-3456-7890."]));
            }
        }
        var website = Clean(form.Website);
        if (website is not null && !IsHttpsAddress(website))
        {
            errors.Add(new("Input.Website", text["Alamat situs web harus lengkap dan diawali https://, misalnya https://usaha-anda.id."]));
        }
        var thisYear = Wib.ToWib(clock.GetUtcNow()).Year;
        if (form.FoundedYear > thisYear)
        {
            errors.Add(new("Input.FoundedYear", text["Tahun berdiri tidak boleh setelah tahun ini."]));
        }

        var values = new BusinessValues(
            form.Name.Trim(), nib, form.Scale ?? IkmScale.Mikro, form.Kbli.Trim(), province, regency, district,
            Clean(form.Address), Clean(form.Sentra), form.FoundedYear, Clean(form.Story), whatsApp, Clean(form.Email), website);
        return (values, errors);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// Only complete https addresses: no javascript:, no http:, no user:password@.
    internal static bool IsHttpsAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && string.IsNullOrEmpty(uri.UserInfo) && uri.Host.Contains('.', StringComparison.Ordinal);

    private async Task<IReadOnlyList<ConflictRow>> ConflictRowsAsync(Domain.Ikm saved, BusinessForm typed, CancellationToken cancellationToken)
    {
        var codes = new[] { saved.ProvinceCode, saved.RegencyCode, saved.DistrictCode, typed.ProvinceCode, typed.RegencyCode, typed.DistrictCode }
            .Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList();
        var names = (await db.Provinces.Where(p => codes.Contains(p.Code)).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken))
            .Concat(await db.Regencies.Where(r => codes.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken))
            .Concat(await db.Districts.Where(d => codes.Contains(d.Code)).Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        string? Area(string? code) => code is null ? null : names.GetValueOrDefault(code, code);
        string? Scale(IkmScale? scale) => scale is null ? null : text[scale.Value.ToString().ToLowerInvariant()].Value;

        var rows = new List<ConflictRow>
        {
            new("Nama usaha", saved.Name, typed.Name),
            new("NIB", saved.Nib, typed.Nib),
            new("Skala usaha", Scale(saved.Scale), Scale(typed.Scale)),
            new("KBLI", saved.Kbli, typed.Kbli),
            new("Provinsi", Area(saved.ProvinceCode), Area(typed.ProvinceCode)),
            new("Kabupaten/kota", Area(saved.RegencyCode), Area(typed.RegencyCode)),
            new("Kecamatan", Area(saved.DistrictCode), Area(typed.DistrictCode)),
            new("Alamat", saved.Address, typed.Address),
            new("Sentra", saved.Sentra, typed.Sentra),
            new("Tahun berdiri", saved.FoundedYear?.ToString(CultureInfo.InvariantCulture), typed.FoundedYear?.ToString(CultureInfo.InvariantCulture)),
            new("Cerita usaha", saved.Story, typed.Story),
            new("Nomor WhatsApp", saved.WhatsApp, typed.WhatsApp),
            new("E-mail usaha", saved.Email, typed.Email),
            new("Situs web", saved.Website, typed.Website),
        };
        return [.. rows.Where(r => !FieldChanges.SameValue(r.Saved?.Trim(), r.Typed?.Trim()))];
    }
}
