using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LocalProducts.Web.Data.Seeding;

/// Loads seeds/demo/esmart.json: three demo cohorts of the demo IKM (one finished, one running,
/// one taking applications), dated from the seeding day, and about 14,000 invented participant
/// records drawn with a fixed seed, written by binary COPY. Cohorts are matched by slug and the
/// records load once: a second load adds nothing.
internal sealed class DemoESmartSeeder(AppDbContext db, TimeProvider clock)
{
    /// Who the demo's staff decisions are recorded as: no account.
    public static readonly Guid DemoStaff = Guid.Empty;

    public async Task SeedAsync(string path, CancellationToken cancellationToken)
    {
        var seed = SeedFiles.Read<ESmartSeed>(path);
        var today = Wib.Today(clock);
        foreach (var cohort in seed.Cohorts)
        {
            if (!await db.ESmartCohorts.AnyAsync(c => c.Slug == cohort.Slug, cancellationToken))
            {
                await SeedCohortAsync(cohort, seed.Modules, today, cancellationToken);
            }
        }
        if (!await db.ESmartParticipants.AnyAsync(p => p.Source == ParticipantSource.Record, cancellationToken))
        {
            await SeedRecordsAsync(seed, today, cancellationToken);
        }
    }

    private async Task SeedCohortAsync(CohortSeed seed, IReadOnlyList<ModuleSeed> modules, DateOnly today, CancellationToken cancellationToken)
    {
        var startsOn = today.AddDays(seed.StartsDaysFromSeeding);
        var endsOn = startsOn.AddDays(seed.Days - 1);
        var now = clock.GetUtcNow();
        var created = Min(At(startsOn.AddDays(-45), 9), now);
        var cohort = new ESmartCohort
        {
            Slug = seed.Slug,
            Name = seed.Name,
            Description = seed.Description,
            StartsOn = startsOn,
            EndsOn = endsOn,
            ProvinceCode = seed.ProvinceCode,
            Capacity = seed.Capacity,
            CreatedAt = created,
            UpdatedAt = created,
        };
        cohort.SetModules(modules.Select(m => (m.Name, m.NameEn)));
        db.ESmartCohorts.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);

        var slugs = seed.Applications.Select(a => a.Ikm).ToList();
        var ikms = await db.Ikms.Where(i => slugs.Contains(i.Slug)).ToDictionaryAsync(i => i.Slug, StringComparer.Ordinal, cancellationToken);
        var ikmIds = ikms.Values.Select(i => i.Id).ToList();
        var participants = await db.ESmartParticipants.Where(p => p.IkmId != null && ikmIds.Contains(p.IkmId.Value))
            .ToDictionaryAsync(p => p.IkmId!.Value, cancellationToken);
        var mainCategories = (await db.Products.Where(p => ikmIds.Contains(p.IkmId)).Select(p => new { p.IkmId, p.CategoryId }).ToListAsync(cancellationToken))
            .GroupBy(p => p.IkmId)
            .ToDictionary(g => g.Key, g => g.GroupBy(p => p.CategoryId).OrderByDescending(c => c.Count()).ThenBy(c => c.Key).First().Key);
        var ordered = cohort.Modules.OrderBy(m => m.SortOrder).ToList();
        // Modules are finished one by one over the class, the last on its final day.
        var moduleDays = ordered.Select((_, i) => startsOn.AddDays(((i + 1) * seed.Days / ordered.Count) - 1)).ToList();
        var appliedAt = Min(At(startsOn.AddDays(-30), 10), now.AddDays(-3));
        var seats = 0;
        foreach (var applicationSeed in seed.Applications)
        {
            var ikm = ikms[applicationSeed.Ikm];
            var application = CohortApplication.Create(cohort.Id, ikm.Id, appliedAt, ikm.OwnerId);
            if (applicationSeed.State == "accepted")
            {
                var decidedAt = Min(appliedAt.AddDays(3), now);
                application.Accept(seats++, cohort.Capacity, decidedAt, DemoStaff);
                if (!participants.TryGetValue(ikm.Id, out var participant))
                {
                    participant = ESmartParticipant.ForIkm(ikm, mainCategories.GetValueOrDefault(ikm.Id), DateOnly.FromDateTime(Wib.ToWib(decidedAt).DateTime));
                    participants[ikm.Id] = participant;
                    db.ESmartParticipants.Add(participant);
                }
                for (var m = 0; m < applicationSeed.ModulesDone; m++)
                {
                    if (moduleDays[m] >= today)
                    {
                        throw new InvalidDataException($"Demo cohort {seed.Slug}: module {m + 1} ends on {moduleDays[m]}, not before the seeding day.");
                    }
                    if (application.CompleteModule(ordered[m], ordered, At(moduleDays[m], 15), DemoStaff))
                    {
                        ikm.GraduateFromESmart(moduleDays[m]);
                        participant.Trained(moduleDays[m]);
                    }
                }
            }
            else if (applicationSeed.State != "applied")
            {
                throw new InvalidDataException($"Demo cohort {seed.Slug}: unknown application state '{applicationSeed.State}'.");
            }
            db.CohortApplications.Add(application);
            appliedAt = appliedAt.AddMinutes(97);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// The programme's earlier participants: registered from the first year on, Java heavier, of
    /// every leaf category (some with none); exactly enough trained that, with the cohorts' graduates,
    /// the total is the spec's, and the spec's number curated.
    private async Task SeedRecordsAsync(ESmartSeed seed, DateOnly today, CancellationToken cancellationToken)
    {
        var spec = seed.Records;
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var leaves = categories.Where(c => categories.All(child => child.ParentId != c.Id)).OrderBy(c => c.Slug, StringComparer.Ordinal).ToList();
        var random = new Random(seed.Seed);
        var years = Enumerable.Range(spec.From.Year, today.Year - spec.From.Year + 1).ToList();
        var pickYear = Picker(years, y => Weight(spec.Years, y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var pickProvince = Picker(provinces, code => Weight(spec.Provinces, code));
        var pickCategory = Picker(leaves, c => Weight(spec.Categories, c.Slug));

        var drawn = new List<(string Province, int? Category, DateOnly Registered, DateOnly Trained, DateOnly Curated, double TrainKey, double CurateKey)>(spec.Registered);
        for (var i = 0; i < spec.Registered; i++)
        {
            var year = pickYear(random);
            var first = new DateOnly(year, 1, 1);
            var registered = first.AddDays(random.Next(0, DateTime.IsLeapYear(year) ? 366 : 365));
            registered = registered < spec.From ? spec.From : registered > today ? today : registered;
            var province = pickProvince(random);
            var category = random.NextDouble() < spec.WithoutCategory ? (int?)null : pickCategory(random).Id;
            var trained = registered.AddDays(random.Next(spec.TrainedAfterDays[0], spec.TrainedAfterDays[1] + 1));
            var curated = trained.AddDays(random.Next(spec.CuratedAfterDays[0], spec.CuratedAfterDays[1] + 1));
            drawn.Add((province, category, registered, trained, curated, random.NextDouble(), random.NextDouble()));
        }

        var trainedAlready = await db.ESmartParticipants.CountAsync(p => p.TrainedOn != null, cancellationToken);
        var toTrain = spec.TrainedTotal - trainedAlready;
        var trainedRows = drawn.Select((d, i) => (d, i)).Where(x => x.d.Trained <= today).OrderBy(x => x.d.TrainKey).Take(toTrain).Select(x => x.i).ToHashSet();
        if (trainedRows.Count < toTrain)
        {
            throw new InvalidDataException($"Only {trainedRows.Count} demo e-Smart records can be trained by {today}; {toTrain} are needed.");
        }
        var curatedRows = trainedRows.Where(i => drawn[i].Curated <= today).OrderBy(i => drawn[i].CurateKey).Take(spec.Curated).ToHashSet();
        var rows = drawn.Select((d, i) => ESmartParticipant.FromRecord(d.Province, d.Category, d.Registered,
            trainedRows.Contains(i) ? d.Trained : null, curatedRows.Contains(i) ? d.Curated : null)).ToList();
        await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), rows, cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<ESmartParticipant> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY esmart_participants (province_code, category_id, registered_on, trained_on, curated_on, source) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var row in rows)
        {
            writer.StartRow();
            writer.Write(row.ProvinceCode, NpgsqlDbType.Varchar);
            WriteNullable(writer, row.CategoryId, NpgsqlDbType.Integer);
            writer.Write(row.RegisteredOn, NpgsqlDbType.Date);
            WriteNullable(writer, row.TrainedOn, NpgsqlDbType.Date);
            WriteNullable(writer, row.CuratedOn, NpgsqlDbType.Date);
            writer.Write((int)row.Source, NpgsqlDbType.Integer);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } present)
        {
            writer.Write(present, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static double Weight(IReadOnlyDictionary<string, double> weights, string key) =>
        weights.TryGetValue(key, out var weight) ? weight : weights["default"];

    /// Draws one item with probability proportional to its weight.
    private static Func<Random, T> Picker<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var cumulative = new double[items.Count];
        var total = 0.0;
        for (var i = 0; i < items.Count; i++)
        {
            total += weight(items[i]);
            cumulative[i] = total;
        }
        return random =>
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            return items[Math.Min(index < 0 ? ~index : index, items.Count - 1)];
        };
    }

    private static DateTimeOffset At(DateOnly day, int hourWib) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hourWib, 0)), Wib.Offset).ToUniversalTime();

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
