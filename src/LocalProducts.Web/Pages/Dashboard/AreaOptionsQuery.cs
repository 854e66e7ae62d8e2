using LocalProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard;

public sealed record AreaOption(string Code, string Name);

/// The lists of a province → regency → district choice. Only the lists the chosen codes need are
/// read; a regency outside the chosen province (or district outside the regency) is dropped.
public sealed record AreaChoices(
    IReadOnlyList<AreaOption> Provinces,
    IReadOnlyList<AreaOption> Regencies,
    IReadOnlyList<AreaOption> Districts,
    string? ProvinceCode,
    string? RegencyCode,
    string? DistrictCode);

public sealed class AreaOptionsQuery(AppDbContext db)
{
    public async Task<AreaChoices> RunAsync(string? provinceCode, string? regencyCode, string? districtCode, CancellationToken cancellationToken)
    {
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new AreaOption(p.Code, p.Name)).ToListAsync(cancellationToken);
        if (provinceCode is null || !provinces.Any(p => p.Code == provinceCode))
        {
            return new AreaChoices(provinces, [], [], null, null, null);
        }
        var regencies = await RegenciesAsync(provinceCode, cancellationToken);
        if (regencyCode is null || !regencies.Any(r => r.Code == regencyCode))
        {
            return new AreaChoices(provinces, regencies, [], provinceCode, null, null);
        }
        var districts = await DistrictsAsync(regencyCode, cancellationToken);
        var district = districts.Any(d => d.Code == districtCode) ? districtCode : null;
        return new AreaChoices(provinces, regencies, districts, provinceCode, regencyCode, district);
    }

    public Task<List<AreaOption>> RegenciesAsync(string provinceCode, CancellationToken cancellationToken) =>
        db.Regencies.AsNoTracking().Where(r => r.ProvinceCode == provinceCode).OrderBy(r => r.Name)
            .Select(r => new AreaOption(r.Code, r.Name)).ToListAsync(cancellationToken);

    public Task<List<AreaOption>> DistrictsAsync(string regencyCode, CancellationToken cancellationToken) =>
        db.Districts.AsNoTracking().Where(d => d.RegencyCode == regencyCode).OrderBy(d => d.Name)
            .Select(d => new AreaOption(d.Code, d.Name)).ToListAsync(cancellationToken);
}
