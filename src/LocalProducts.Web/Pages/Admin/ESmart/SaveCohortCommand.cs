using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using LocalProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Admin.ESmart;

/// Creates or changes a cohort and its modules. A module that participants completed stays.
public sealed class SaveCohortCommand(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<CommandResult> RunAsync(CohortForm form, Guid? staffId, CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        switch (ESmartCohort.Problem(form.StartsOn, form.EndsOn, form.Capacity, form.Modules.Count))
        {
            case CohortProblem.EndsBeforeItStarts:
                errors.Add(new FormError("Input.EndsOn", text["Tanggal selesai tidak boleh sebelum tanggal mulai."]));
                break;
            case CohortProblem.CapacityOutOfRange:
                errors.Add(new FormError("Input.Capacity", text["Kapasitas antara 1 dan {0}.", ESmartCohort.MaxCapacity]));
                break;
            case CohortProblem.NoModule:
                errors.Add(new FormError("Input.Modules", text["Isi sedikitnya satu modul."]));
                break;
        }
        if (form.Modules.Any(m => string.IsNullOrWhiteSpace(m.Name) || string.IsNullOrWhiteSpace(m.NameEn)))
        {
            errors.Add(new FormError("Input.Modules", text["Setiap modul perlu nama dalam bahasa Indonesia dan Inggris."]));
        }
        else if (form.Modules.Any(m => m.Name.Trim().Length > CohortModule.NameMaxLength || m.NameEn.Trim().Length > CohortModule.NameMaxLength))
        {
            errors.Add(new FormError("Input.Modules", text["Nama modul paling banyak {0} karakter.", CohortModule.NameMaxLength]));
        }
        else if (form.Modules.Select(m => m.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != form.Modules.Count)
        {
            errors.Add(new FormError("Input.Modules", text["Nama modul tidak boleh sama."]));
        }
        if (form.ProvinceCode is { } province && !await db.Provinces.AnyAsync(p => p.Code == province, cancellationToken))
        {
            errors.Add(new FormError("Input.ProvinceCode", text["Provinsi tidak dikenal."]));
        }
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? Slug.From(form.Name) : Slug.From(form.Slug);
        ESmartCohort? cohort;
        if (form.Id is { } id)
        {
            cohort = await db.ESmartCohorts.Include(c => c.Modules).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (cohort is null)
            {
                return CommandResult.NotFound;
            }
            // The version the form was read at: a save over someone else's newer one is a conflict.
            db.Entry(cohort).Property(c => c.Version).OriginalValue = form.Version;
            var kept = form.Modules.Select(m => m.Name.Trim()).ToHashSet(StringComparer.Ordinal);
            var dropped = cohort.Modules.Where(m => !kept.Contains(m.Name)).Select(m => m.Id).ToList();
            if (dropped.Count > 0 && await db.ModuleCompletions.AnyAsync(c => dropped.Contains(c.ModuleId), cancellationToken))
            {
                return CommandResult.Invalid("Input.Modules", text["Modul yang sudah diselesaikan peserta tidak dapat dihapus."]);
            }
        }
        else
        {
            cohort = new ESmartCohort { Slug = slug, Name = form.Name, CreatedAt = now };
            db.ESmartCohorts.Add(cohort);
        }
        if (await db.ESmartCohorts.AnyAsync(c => c.Slug == slug && c.Id != cohort.Id, cancellationToken))
        {
            return CommandResult.Invalid("Input.Slug", text["Alamat ini sudah dipakai kelas lain. Pilih yang lain."]);
        }
        cohort.Slug = slug;
        cohort.Name = form.Name.Trim();
        cohort.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        cohort.StartsOn = form.StartsOn;
        cohort.EndsOn = form.EndsOn;
        cohort.ProvinceCode = form.ProvinceCode;
        cohort.Capacity = form.Capacity;
        cohort.UpdatedAt = now;
        cohort.SetModules(form.Modules);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(staffId, form.Id is null ? "esmart-cohort-created" : "esmart-cohort-saved", nameof(ESmartCohort),
                cohort.Id.ToString(CultureInfo.InvariantCulture), new Dictionary<string, object?> { ["capacity"] = cohort.Capacity });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflicted(null, text["Kelas ini baru saja diubah orang lain. Muat ulang halaman untuk melihat versi terbaru; isian Anda belum disimpan."]);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return CommandResult.Invalid("Input.Slug", text["Alamat ini sudah dipakai kelas lain. Pilih yang lain."]);
        }
        return CommandResult.Saved(id: cohort.Id);
    }
}
