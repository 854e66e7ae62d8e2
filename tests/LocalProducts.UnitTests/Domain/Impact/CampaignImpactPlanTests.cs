using System.Globalization;
using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.UnitTests.Domain.Impact;

public sealed class CampaignImpactPlanTests
{
    private static readonly DateOnly _april1 = new(2020, 4, 1);
    private static readonly DateOnly _april30 = new(2020, 4, 30);
    private static readonly DateOnly _march1 = new(2020, 3, 1);
    private static readonly DateOnly _march31 = new(2020, 3, 31);

    [Fact]
    public void The_coffee_campaign_plan_is_valid()
    {
        Assert.Null(CampaignImpactPlan.Problem(_april1, _april30, _march1, _march31, [1, 2], [3, 4], 6));
    }

    [Theory]
    [InlineData("2020-04-01", "2020-04-30", "2020-03-01", "2020-04-01", ImpactPlanProblem.BaselineNotBeforePeriod)]
    [InlineData("2020-04-01", "2020-03-31", "2020-03-01", "2020-03-15", ImpactPlanProblem.PeriodEndsBeforeItStarts)]
    [InlineData("2020-04-01", "2020-04-30", "2020-03-31", "2020-03-01", ImpactPlanProblem.BaselineEndsBeforeItStarts)]
    [InlineData("2020-04-01", "2021-04-02", "2020-03-01", "2020-03-31", ImpactPlanProblem.PeriodTooLong)]
    [InlineData("2020-04-01", "2021-03-31", "2019-03-01", "2020-03-31", ImpactPlanProblem.BaselineTooLong)]
    public void Periods_must_be_ordered_and_at_most_a_year(string start, string end, string baseStart, string baseEnd, ImpactPlanProblem expected)
    {
        var problem = CampaignImpactPlan.Problem(
            Day(start), Day(end), Day(baseStart), Day(baseEnd), [1], [], 6);

        Assert.Equal(expected, problem);
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void A_year_of_366_days_is_the_longest_period()
    {
        // 2020 is a leap year: 1 Jan to 31 Dec is 366 days.
        Assert.Null(CampaignImpactPlan.Problem(new(2020, 1, 1), new(2020, 12, 31), new(2019, 1, 1), new(2019, 12, 31), [1], [], 6));
    }

    [Fact]
    public void A_plan_needs_a_covered_category_and_no_category_on_both_sides()
    {
        Assert.Equal(ImpactPlanProblem.NoCoveredCategory, CampaignImpactPlan.Problem(_april1, _april30, _march1, _march31, [], [3], 6));
        Assert.Equal(ImpactPlanProblem.CategoryBothCoveredAndControl, CampaignImpactPlan.Problem(_april1, _april30, _march1, _march31, [1, 3], [3], 6));
    }

    [Theory]
    [InlineData(1, ImpactPlanProblem.PreCampaignMonthsOutOfRange)]
    [InlineData(25, ImpactPlanProblem.PreCampaignMonthsOutOfRange)]
    [InlineData(2, null)]
    [InlineData(24, null)]
    public void Growth_before_needs_two_to_twenty_four_months(int months, ImpactPlanProblem? expected)
    {
        Assert.Equal(expected, CampaignImpactPlan.Problem(_april1, _april30, _march1, _march31, [1], [], months));
    }

    [Fact]
    public void Change_stores_sorted_distinct_categories_and_the_day_counts()
    {
        var plan = CampaignImpactPlan.For(7);

        plan.Change(_april1, _april30, _march1, _march31, [5, 2, 5], [9, 8], 6, "  catatan  ", publish: true,
            new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.FromHours(7)), Guid.NewGuid());

        Assert.Equal([2, 5], plan.CoveredCategoryIds);
        Assert.Equal([8, 9], plan.ControlCategoryIds);
        Assert.Equal(30, plan.PeriodDays);
        Assert.Equal(31, plan.BaselineDays);
        Assert.Equal("catatan", plan.Note);
        Assert.True(plan.IsPublished);
        Assert.Equal(TimeSpan.Zero, plan.UpdatedAt.Offset);
    }

    [Fact]
    public void Change_refuses_an_invalid_plan()
    {
        var plan = CampaignImpactPlan.For(7);

        Assert.Throws<ArgumentException>(() =>
            plan.Change(_april1, _april30, _april1, _april30, [1], [], 6, null, false, DateTimeOffset.UtcNow, Guid.NewGuid()));
    }
}
