namespace LocalProducts.Web.Domain.ESmart;

public enum CohortProblem
{
    EndsBeforeItStarts = 1,
    CapacityOutOfRange,
    NoModule,
}

/// One e-Smart IKM class: a group of IKM trained together, in a province or online, in modules
/// (product photos, opening a marketplace shop, digital marketing, halal and TKDN certification).
public sealed class ESmartCohort
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4_000;
    public const int MaxCapacity = 10_000;

    private readonly List<CohortModule> _modules = [];

    public int Id { get; private set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// Null: online, open to IKM of every province.
    public string? ProvinceCode { get; set; }
    public Province? Province { get; private set; }
    public int Capacity { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }
    public IReadOnlyList<CohortModule> Modules => _modules;

    public bool IsOnline => ProvinceCode is null;

    /// Applications are taken until the class starts.
    public bool TakesApplicationsOn(DateOnly todayWib) => todayWib < StartsOn;

    public static CohortProblem? Problem(DateOnly startsOn, DateOnly endsOn, int capacity, int moduleCount) =>
        endsOn < startsOn ? CohortProblem.EndsBeforeItStarts
        : capacity is < 1 or > MaxCapacity ? CohortProblem.CapacityOutOfRange
        : moduleCount == 0 ? CohortProblem.NoModule
        : null;

    /// Replaces the modules by name, keeping the ones whose name stays (and their completions).
    public void SetModules(IEnumerable<(string Name, string NameEn)> modules)
    {
        var wanted = modules.Select((m, i) => (m.Name.Trim(), m.NameEn.Trim(), i)).ToList();
        _modules.RemoveAll(existing => wanted.All(w => w.Item1 != existing.Name));
        foreach (var (name, nameEn, order) in wanted)
        {
            var module = _modules.FirstOrDefault(m => m.Name == name);
            if (module is null)
            {
                _modules.Add(new CohortModule { Name = name, NameEn = nameEn, SortOrder = order });
            }
            else
            {
                module.NameEn = nameEn;
                module.SortOrder = order;
            }
        }
    }
}

public sealed class CohortModule
{
    public const int NameMaxLength = 150;

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }

    public string LocalName(bool english) => english ? NameEn : Name;
}
