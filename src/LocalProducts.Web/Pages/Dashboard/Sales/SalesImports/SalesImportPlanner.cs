using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Pages.Admin.Melokal.MetricImports;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// Checks every row of an owner's sales file with the form's rules (<see cref="SalesFigures"/>,
/// <see cref="SalesPeriod"/>, the owner's own products, <see cref="SalesLedger"/>'s clashes) and
/// says, for each good row, whether it is new or corrects a stored report. A row repeating an
/// earlier one, or clashing with one (daily and monthly), is bad.
public static class SalesImportPlanner
{
    private sealed record ParsedRow(int Line, SaleKey Key, int Units, long RevenueRupiah);

    public static async Task<SalesImportPlan> PlanAsync(AppDbContext db, int ikmId, SalesCsvFile file, DateOnly today, CancellationToken cancellationToken)
    {
        var products = await db.Products.AsNoTracking().Where(p => p.IkmId == ikmId)
            .Select(p => new { p.Id, p.Slug, p.Name, p.CategoryId }).ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().Where(c => !db.Categories.Any(child => child.ParentId == c.Id))
            .Select(c => new { c.Id, c.Slug, c.Name, c.NameEn }).ToListAsync(cancellationToken);
        var productsBySlug = products.ToDictionary(p => p.Slug.ToLowerInvariant(), p => (p.Id, p.CategoryId));
        var productsByName = products.GroupBy(p => Fold(p.Name)).ToDictionary(g => g.Key, g => g.Select(p => (p.Id, p.CategoryId)).ToList());
        var categoryIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in categories)
        {
            categoryIds.TryAdd(c.Slug.ToLowerInvariant(), c.Id);
            categoryIds.TryAdd(Fold(c.Name), c.Id);
            categoryIds.TryAdd(Fold(c.NameEn), c.Id);
        }

        var problems = new List<SalesImportProblem>();
        var badLines = new HashSet<int>();
        var parsed = new List<ParsedRow>();
        foreach (var record in file.Records)
        {
            var rowProblems = new List<SalesImportProblem>();
            var row = Parse(file, record, today, rowProblems, slug => productsBySlug.TryGetValue(slug.ToLowerInvariant(), out var p) ? [p] : productsByName.GetValueOrDefault(Fold(slug)) ?? [],
                name => categoryIds.TryGetValue(name.ToLowerInvariant(), out var id) || categoryIds.TryGetValue(Fold(name), out id) ? id : null);
            if (row is not null)
            {
                parsed.Add(row);
            }
            else
            {
                badLines.Add(record.Line);
            }
            problems.AddRange(rowProblems);
        }

        var planned = new List<PlannedSale>();
        if (parsed.Count > 0)
        {
            var ledger = await SalesLedger.LoadAsync(db, ikmId, parsed.Min(r => r.Key.Start), parsed.Max(r => r.Key.End), cancellationToken);
            var seen = new Dictionary<SaleKey, int>();
            foreach (var row in parsed)
            {
                if (seen.TryGetValue(row.Key, out var earlier))
                {
                    Bad(row.Line, null, ImportMessages.RepeatedRow, earlier.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    continue;
                }
                var (clash, _) = ledger.Clash(row.Key);
                if (clash != SaleClash.None)
                {
                    Bad(row.Line, null, SalesMessages.Clash(clash, row.Key), null);
                    continue;
                }
                seen[row.Key] = row.Line;
                var existing = ledger.Same(row.Key);
                planned.Add(new PlannedSale(row.Line, row.Key, row.Units, row.RevenueRupiah, existing?.Id));
                ledger.Put(new StoredSale(existing?.Id ?? 0, row.Key, row.Units, row.RevenueRupiah, SalesReportState.Counted));
            }
        }
        return new SalesImportPlan
        {
            Rows = planned,
            Problems = [.. problems.OrderBy(p => p.Line).Take(SalesImport.MaxProblemsKept)],
            TotalRows = file.Records.Count,
            BadRows = badLines.Count,
        };

        void Bad(int line, string? column, string message, string? value)
        {
            badLines.Add(line);
            problems.Add(new SalesImportProblem { Line = line, Column = column, Message = message, Value = value });
        }
    }

    private static ParsedRow? Parse(
        SalesCsvFile file, CsvRecord record, DateOnly today, List<SalesImportProblem> problems,
        Func<string, List<(int Id, int CategoryId)>> findProduct, Func<string, int?> findCategory)
    {
        var line = record.Line;
        void Add(SalesColumn? column, string message, string? value) =>
            problems.Add(new SalesImportProblem { Line = line, Column = column is { } c ? SalesCsvReader.NameOf(c) : null, Message = message, Value = value is null ? null : SalesCsvReader.Cut(value) });

        var fields = record.Fields;
        if (fields.Count < file.Header.Count || fields.Skip(file.Header.Count).Any(f => !string.IsNullOrWhiteSpace(f)))
        {
            Add(null, ImportMessages.WrongFieldCount, fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }
        string Value(SalesColumn column) => file.Columns.TryGetValue(column, out var index) ? fields[index].Trim() : "";

        // The period: a day, or a month.
        var dayText = Value(SalesColumn.Day);
        var monthText = Value(SalesColumn.Month);
        SalesPeriodKind kind = SalesPeriodKind.Daily;
        DateOnly? start = null;
        if (dayText.Length == 0 && monthText.Length == 0)
        {
            Add(file.Columns.ContainsKey(SalesColumn.Day) ? SalesColumn.Day : SalesColumn.Month, ImportMessages.DayOrMonth, null);
        }
        else if (dayText.Length > 0 && monthText.Length > 0)
        {
            Add(SalesColumn.Month, ImportMessages.DayAndMonth, monthText);
        }
        else if (dayText.Length > 0)
        {
            if (SalesText.TryParseDay(dayText, out var day))
            {
                start = day;
            }
            else
            {
                Add(SalesColumn.Day, ImportMessages.NotADay, dayText);
            }
        }
        else
        {
            kind = SalesPeriodKind.Monthly;
            if (SalesText.TryParseMonth(monthText, out var month))
            {
                start = month;
            }
            else
            {
                Add(SalesColumn.Month, ImportMessages.NotAMonth, monthText);
            }
        }
        if (start is { } s && SalesPeriod.Problem(kind, s, today) is { } periodProblem)
        {
            Add(kind == SalesPeriodKind.Monthly ? SalesColumn.Month : SalesColumn.Day, SalesMessages.Period(periodProblem), kind == SalesPeriodKind.Monthly ? monthText : dayText);
            start = null;
        }

        // The item: one of the owner's products, or a category.
        var productText = Value(SalesColumn.Product);
        var categoryText = Value(SalesColumn.Category);
        int? productId = null;
        int? categoryId = null;
        if (productText.Length == 0 && categoryText.Length == 0)
        {
            Add(file.Columns.ContainsKey(SalesColumn.Product) ? SalesColumn.Product : SalesColumn.Category, ImportMessages.ProductOrCategory, null);
        }
        else if (productText.Length > 0 && categoryText.Length > 0)
        {
            Add(SalesColumn.Category, ImportMessages.ProductAndCategory, categoryText);
        }
        else if (productText.Length > 0)
        {
            var found = findProduct(productText);
            if (found.Count == 1)
            {
                productId = found[0].Id;
                categoryId = found[0].CategoryId;
            }
            else
            {
                Add(SalesColumn.Product, found.Count == 0 ? ImportMessages.UnknownProduct : ImportMessages.AmbiguousProduct, productText);
            }
        }
        else if (findCategory(categoryText) is { } category)
        {
            categoryId = category;
        }
        else
        {
            Add(SalesColumn.Category, ImportMessages.UnknownCategory, categoryText);
        }

        var channelText = Value(SalesColumn.Channel);
        SalesChannel? channel = null;
        if (channelText.Length == 0)
        {
            Add(SalesColumn.Channel, ImportMessages.MissingValue, null);
        }
        else if (SalesChannels.TryParse(channelText, out var parsedChannel))
        {
            channel = parsedChannel;
        }
        else
        {
            Add(SalesColumn.Channel, ImportMessages.UnknownChannel, channelText);
        }

        var unitsText = Value(SalesColumn.Units);
        var revenueText = Value(SalesColumn.Revenue);
        var unitsOk = SalesText.TryParseWhole(unitsText, SalesCsvReader.Thousands, out var units);
        if (!unitsOk)
        {
            Add(SalesColumn.Units, unitsText.Length == 0 ? ImportMessages.MissingValue : ImportMessages.NotUnits, unitsText);
        }
        var revenueOk = SalesText.TryParseRupiah(revenueText, SalesCsvReader.Thousands, out var revenue);
        if (!revenueOk)
        {
            Add(SalesColumn.Revenue, revenueText.Length == 0 ? ImportMessages.MissingValue : ImportMessages.NotRupiah, revenueText);
        }
        if (unitsOk && revenueOk && SalesFigures.Problem(units, revenue) is { } figureProblem)
        {
            Add(SalesMessages.IsAboutUnits(figureProblem) ? SalesColumn.Units : SalesColumn.Revenue, SalesMessages.Figures(figureProblem),
                SalesMessages.IsAboutUnits(figureProblem) ? unitsText : revenueText);
            unitsOk = false;
        }

        if (problems.Count > 0 || start is not { } periodStart || categoryId is not { } cid || channel is not { } ch || !unitsOk || !revenueOk)
        {
            return null;
        }
        return new ParsedRow(line, new SaleKey(productId, cid, ch, kind, SalesPeriod.Start(kind, periodStart)), (int)units, revenue);
    }

    /// Names compared without case and extra spaces.
    private static string Fold(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
