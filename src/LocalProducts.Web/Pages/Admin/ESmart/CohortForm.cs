namespace LocalProducts.Web.Pages.Admin.ESmart;

/// A cohort as staff typed it; times are whole days (WIB). ProvinceCode null: online.
public sealed record CohortForm(
    int? Id, uint Version, string Name, string? Slug, string? Description, DateOnly StartsOn, DateOnly EndsOn,
    string? ProvinceCode, int Capacity, IReadOnlyList<(string Name, string NameEn)> Modules);
