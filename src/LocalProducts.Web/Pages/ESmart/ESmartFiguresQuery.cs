using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.ESmart;

public sealed record ParticipantFigures(int Registered, int Trained, int Curated);

public sealed record YearFigures(int Year, int Registered, int Trained, int Curated);

public sealed record ProvinceFigures(string Code, string Name, int Registered, int Trained, int Curated);

/// Name null: participants without a category.
public sealed record CategoryFigures(string? Name, int Registered, int Trained, int Curated);

public enum CohortPhase
{
    Upcoming = 1,
    Running = 2,
    Past = 3,
}

public sealed record PublicCohort(
    string Name, string? Description, DateOnly StartsOn, DateOnly EndsOn, string? ProvinceName, int Capacity, int SeatsTaken, CohortPhase Phase)
{
    public int SeatsLeft => Math.Max(0, Capacity - SeatsTaken);
}

public sealed record ESmartFiguresView(
    DateTimeOffset AsOf,
    ParticipantFigures Total,
    IReadOnlyList<YearFigures> ByYear,
    IReadOnlyList<ProvinceFigures> ByProvince,
    IReadOnlyList<CategoryFigures> ByCategory,
    IReadOnlyList<PublicCohort> Cohorts);

/// The public e-Smart IKM figures, counted from esmart_participants as they are now: registered
/// (every row), trained (TrainedOn set) and curated (CuratedOn set); by year each figure counts
/// the year of its own date (registered by RegisteredOn, trained by TrainedOn, curated by
/// CuratedOn); by province and by category every row counts once under its own. And the cohorts.
public sealed class ESmartFiguresQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<ESmartFiguresView> RunAsync(bool english, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = Wib.Today(clock);
        var participants = db.ESmartParticipants.AsNoTracking();
        var total = await participants.GroupBy(_ => 1)
            .Select(g => new ParticipantFigures(g.Count(), g.Count(p => p.TrainedOn != null), g.Count(p => p.CuratedOn != null)))
            .FirstOrDefaultAsync(cancellationToken) ?? new ParticipantFigures(0, 0, 0);

        var registeredByYear = await participants.GroupBy(p => p.RegisteredOn.Year)
            .Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var trainedByYear = await participants.Where(p => p.TrainedOn != null).GroupBy(p => p.TrainedOn!.Value.Year)
            .Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var curatedByYear = await participants.Where(p => p.CuratedOn != null).GroupBy(p => p.CuratedOn!.Value.Year)
            .Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var years = registeredByYear.Select(r => r.Year).Concat(trainedByYear.Select(t => t.Year)).Concat(curatedByYear.Select(c => c.Year))
            .Distinct().Order()
            .Select(y => new YearFigures(y,
                registeredByYear.FirstOrDefault(r => r.Year == y)?.Count ?? 0,
                trainedByYear.FirstOrDefault(r => r.Year == y)?.Count ?? 0,
                curatedByYear.FirstOrDefault(r => r.Year == y)?.Count ?? 0))
            .ToList();

        var byProvinceCode = await participants.GroupBy(p => p.ProvinceCode)
            .Select(g => new { Code = g.Key, Registered = g.Count(), Trained = g.Count(p => p.TrainedOn != null), Curated = g.Count(p => p.CuratedOn != null) })
            .ToDictionaryAsync(g => g.Code, StringComparer.Ordinal, cancellationToken);
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken);
        var byProvince = provinces.Select(p => byProvinceCode.TryGetValue(p.Code, out var f)
                ? new ProvinceFigures(p.Code, p.Name, f.Registered, f.Trained, f.Curated)
                : new ProvinceFigures(p.Code, p.Name, 0, 0, 0))
            .ToList();

        var byCategoryId = await participants.GroupBy(p => p.CategoryId)
            .Select(g => new { CategoryId = g.Key, Registered = g.Count(), Trained = g.Count(p => p.TrainedOn != null), Curated = g.Count(p => p.CuratedOn != null) })
            .ToListAsync(cancellationToken);
        var categoryNames = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => english ? c.NameEn : c.Name, cancellationToken);
        var byCategory = byCategoryId
            .Select(c => new CategoryFigures(
                c.CategoryId is { } id ? categoryNames.GetValueOrDefault(id) : null,
                c.Registered, c.Trained, c.Curated))
            .OrderByDescending(c => c.Trained).ThenByDescending(c => c.Registered).ThenBy(c => c.Name ?? "", StringComparer.Ordinal)
            .ToList();

        var cohorts = (await db.ESmartCohorts.AsNoTracking()
                .OrderBy(c => c.StartsOn).ThenBy(c => c.Id)
                .Select(c => new
                {
                    c.Name,
                    c.Description,
                    c.StartsOn,
                    c.EndsOn,
                    ProvinceName = c.Province == null ? null : c.Province.Name,
                    c.Capacity,
                    Seats = db.CohortApplications.Count(a => a.CohortId == c.Id && a.State == CohortApplicationState.Accepted),
                })
                .ToListAsync(cancellationToken))
            .Select(c => new PublicCohort(c.Name, c.Description, c.StartsOn, c.EndsOn, c.ProvinceName, c.Capacity, c.Seats,
                today < c.StartsOn ? CohortPhase.Upcoming : today <= c.EndsOn ? CohortPhase.Running : CohortPhase.Past))
            .ToList();
        return new ESmartFiguresView(now, total, years, byProvince, byCategory, cohorts);
    }
}
