using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Campaigns.Impact;

/// The plan as it is saved now, for the editor and for the second of two editors.
public sealed record ImpactPlanSnapshot(
    DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly BaselineStart, DateOnly BaselineEnd,
    List<int> CoveredCategoryIds, List<int> ControlCategoryIds, int PreCampaignMonths, string? Note, bool IsPublished,
    DateTimeOffset UpdatedAt, uint Version) : SavedVersion(Version);

/// Creates or changes a campaign's impact plan under the campaign's row lock (so two first saves
/// cannot both create it), refusing a stale version with the saved plan to compare. The rules are
/// CampaignImpactPlan.Problem's; this turns each into a message beside its field.
public sealed class SaveImpactPlanCommand(
    AppDbContext db,
    ImpactPlanEditorQuery editor,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<SaveImpactPlanCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int campaignId, ImpactPlanForm form, bool fieldsValid, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.IdOf(user) ?? throw new InvalidOperationException("Impact plans are saved by signed-in staff.");
        if (await editor.CampaignAsync(campaignId, cancellationToken) is null)
        {
            return CommandResult.NotFound;
        }
        var leaves = await editor.LeavesAsync(cancellationToken);
        var errors = new List<FormError>();
        var periodStart = ReadDate(form.PeriodStart, "Input.PeriodStart", text["Awal kampanye"], errors);
        var periodEnd = ReadDate(form.PeriodEnd, "Input.PeriodEnd", text["Akhir kampanye"], errors);
        var baselineStart = ReadDate(form.BaselineStart, "Input.BaselineStart", text["Awal periode pembanding"], errors);
        var baselineEnd = ReadDate(form.BaselineEnd, "Input.BaselineEnd", text["Akhir periode pembanding"], errors);
        var covered = form.CoveredCategoryIds.Distinct().ToList();
        var control = form.ControlCategoryIds.Distinct().ToList();
        if (covered.Concat(control).Any(id => leaves.All(l => l.Id != id)))
        {
            errors.Add(new("Input.CoveredCategoryIds", text["Kategori tidak dikenal."]));
        }
        if (errors.Count == 0 && CampaignImpactPlan.Problem(periodStart!.Value, periodEnd!.Value, baselineStart!.Value, baselineEnd!.Value, covered, control, form.PreCampaignMonths) is { } problem)
        {
            errors.Add(Message(problem, covered, control, leaves));
        }
        if (errors.Count > 0 || !fieldsValid)
        {
            return CommandResult.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT id FROM campaigns WHERE id = {campaignId} FOR UPDATE", cancellationToken);
        var plan = await db.CampaignImpactPlans.FirstOrDefaultAsync(p => p.CampaignId == campaignId, cancellationToken);
        if ((plan?.Version ?? 0) != form.Version)
        {
            var saved = await editor.PlanAsync(campaignId, cancellationToken);
            return CommandResult.Conflicted(saved,
                text["Rencana dampak ini baru saja disimpan orang lain. Bandingkan versi tersimpan dengan isian Anda; isian Anda belum disimpan. Simpan lagi untuk menimpa versi tersimpan."]);
        }
        var created = plan is null;
        if (plan is null)
        {
            plan = CampaignImpactPlan.For(campaignId);
            db.CampaignImpactPlans.Add(plan);
        }
        plan.Change(periodStart!.Value, periodEnd!.Value, baselineStart!.Value, baselineEnd!.Value, covered, control,
            form.PreCampaignMonths, form.Note, form.Publish, clock.GetUtcNow(), userId);
        audit.Record(userId, created ? "impact-plan-created" : "impact-plan-saved", nameof(CampaignImpactPlan), campaignId.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object?>
            {
                ["period"] = $"{TypedDate.Format(plan.PeriodStart)}..{TypedDate.Format(plan.PeriodEnd)}",
                ["baseline"] = $"{TypedDate.Format(plan.BaselineStart)}..{TypedDate.Format(plan.BaselineEnd)}",
                ["covered"] = string.Join(",", plan.CoveredCategoryIds),
                ["control"] = string.Join(",", plan.ControlCategoryIds),
                ["published"] = plan.IsPublished,
            });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Impact plan of campaign {CampaignId} saved by user {UserId}", campaignId, userId);
        return CommandResult.Saved(id: campaignId);
    }

    private DateOnly? ReadDate(string? typed, string field, string name, List<FormError> errors)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            errors.Add(new(field, text["Isi {0}.", name]));
            return null;
        }
        var day = TypedDate.Parse(typed);
        if (day is null)
        {
            errors.Add(new(field, text["{0}: tulis tanggal sebagai tttt-bb-hh atau hh/bb/tttt, misalnya 2026-03-01 atau 01/03/2026.", name]));
        }
        return day;
    }

    private FormError Message(ImpactPlanProblem problem, List<int> covered, List<int> control, IReadOnlyList<LeafCategory> leaves) => problem switch
    {
        ImpactPlanProblem.NoCoveredCategory => new("Input.CoveredCategoryIds", text["Pilih paling sedikit satu kategori yang dicakup kampanye."]),
        ImpactPlanProblem.PeriodEndsBeforeItStarts => new("Input.PeriodEnd", text["Akhir kampanye tidak boleh sebelum awalnya."]),
        ImpactPlanProblem.BaselineEndsBeforeItStarts => new("Input.BaselineEnd", text["Akhir periode pembanding tidak boleh sebelum awalnya."]),
        ImpactPlanProblem.BaselineNotBeforePeriod => new("Input.BaselineEnd", text["Periode pembanding harus berakhir sebelum kampanye dimulai."]),
        ImpactPlanProblem.PeriodTooLong => new("Input.PeriodEnd", text["Periode kampanye paling lama {0} hari.", CampaignImpactPlan.MaxPeriodDays]),
        ImpactPlanProblem.BaselineTooLong => new("Input.BaselineEnd", text["Periode pembanding paling lama {0} hari.", CampaignImpactPlan.MaxPeriodDays]),
        ImpactPlanProblem.CategoryBothCoveredAndControl => new("Input.ControlCategoryIds", text["{0}: dipilih sebagai kategori kampanye sekaligus pembanding. Pilih salah satu.",
            string.Join(", ", leaves.Where(l => covered.Contains(l.Id) && control.Contains(l.Id)).Select(l => l.Name))]),
        ImpactPlanProblem.PreCampaignMonthsOutOfRange => new("Input.PreCampaignMonths", text["Isi bulan sebelum kampanye antara 2 dan 24."]),
        _ => new("", problem.ToString()),
    };
}
