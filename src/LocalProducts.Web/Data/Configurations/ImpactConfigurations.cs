using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class SalesReportConfiguration : IEntityTypeConfiguration<SalesReport>
{
    public void Configure(EntityTypeBuilder<SalesReport> builder)
    {
        builder.ToTable("sales_reports", t =>
        {
            t.HasCheckConstraint("ck_sales_reports_figures", $"units >= 0 AND units <= {SalesFigures.MaxUnits} AND revenue_rupiah >= 0 AND revenue_rupiah <= {SalesFigures.MaxRevenueRupiah}");
            t.HasCheckConstraint("ck_sales_reports_month_start", "period_kind = 1 OR extract(day from period_start) = 1");
        });
        builder.Property(r => r.HoldReason).HasMaxLength(SalesReport.ReasonMaxLength);
        builder.Property(r => r.ReviewNote).HasMaxLength(SalesReport.ReasonMaxLength);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne<Ikm>().WithMany().HasForeignKey(r => r.IkmId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        // One report per IKM, product (or category), channel, period kind and day: the backstop for
        // a duplicate. NULLS NOT DISTINCT so category reports (no product) are unique too.
        builder.HasIndex(r => new { r.IkmId, r.ProductId, r.CategoryId, r.Channel, r.PeriodKind, r.PeriodStart })
            .IsUnique().AreNullsDistinct(false);
        // The impact query reads counted reports by category and day.
        builder.HasIndex(r => new { r.CategoryId, r.PeriodStart, r.IkmId })
            .HasFilter("state = 1").IncludeProperties(r => new { r.PeriodKind, r.RevenueRupiah, r.Units });
        builder.HasIndex(r => r.State).HasFilter("state = 2");
    }
}

internal sealed class SalesReportRevisionConfiguration : IEntityTypeConfiguration<SalesReportRevision>
{
    public void Configure(EntityTypeBuilder<SalesReportRevision> builder)
    {
        builder.ToTable("sales_report_revisions");
        builder.Property(v => v.Reason).HasMaxLength(SalesReport.ReasonMaxLength);
        builder.HasIndex(v => new { v.ReportId, v.At });
    }
}

internal sealed class SalesImportConfiguration : IEntityTypeConfiguration<SalesImport>
{
    public void Configure(EntityTypeBuilder<SalesImport> builder)
    {
        builder.ToTable("sales_imports");
        builder.Property(i => i.FileName).HasMaxLength(SalesImport.FileNameMaxLength);
        builder.Property(i => i.FileSha256).HasMaxLength(64);
        builder.Property(i => i.DetectedEncoding).HasMaxLength(40);
        builder.Property(i => i.DetectedSeparator).HasMaxLength(20);
        builder.Property(i => i.DetectedNumberFormat).HasMaxLength(40);
        builder.Property(i => i.FileProblem).HasMaxLength(300);
        builder.Property(i => i.Version).IsRowVersion();
        builder.OwnsMany(i => i.Problems, b => b.ToJson());
        builder.HasOne<Ikm>().WithMany().HasForeignKey(i => i.IkmId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.IkmId, i.CreatedAt });
        builder.HasIndex(i => new { i.IkmId, i.FileSha256 });
    }
}

internal sealed class CampaignImpactPlanConfiguration : IEntityTypeConfiguration<CampaignImpactPlan>
{
    public void Configure(EntityTypeBuilder<CampaignImpactPlan> builder)
    {
        builder.ToTable("campaign_impact_plans", t =>
        {
            t.HasCheckConstraint("ck_campaign_impact_plans_periods", "period_end >= period_start AND baseline_end >= baseline_start AND baseline_end < period_start");
        });
        builder.HasKey(p => p.CampaignId);
        builder.Property(p => p.CampaignId).ValueGeneratedNever();
        builder.Property(p => p.Note).HasMaxLength(CampaignImpactPlan.NoteMaxLength);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne<Campaign>().WithOne().HasForeignKey<CampaignImpactPlan>(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ESmartCohortConfiguration : IEntityTypeConfiguration<ESmartCohort>
{
    public void Configure(EntityTypeBuilder<ESmartCohort> builder)
    {
        builder.ToTable("esmart_cohorts", t =>
        {
            t.HasCheckConstraint("ck_esmart_cohorts_dates", "ends_on >= starts_on");
            t.HasCheckConstraint("ck_esmart_cohorts_capacity", $"capacity BETWEEN 1 AND {ESmartCohort.MaxCapacity}");
        });
        builder.Property(c => c.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(ESmartCohort.NameMaxLength);
        builder.Property(c => c.Description).HasMaxLength(ESmartCohort.DescriptionMaxLength);
        builder.Property(c => c.ProvinceCode).HasMaxLength(2);
        builder.HasOne(c => c.Province).WithMany().HasForeignKey(c => c.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasMany(c => c.Modules).WithOne().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Modules).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => c.StartsOn);
    }
}

internal sealed class CohortModuleConfiguration : IEntityTypeConfiguration<CohortModule>
{
    public void Configure(EntityTypeBuilder<CohortModule> builder)
    {
        builder.ToTable("esmart_cohort_modules");
        builder.Property(m => m.Name).HasMaxLength(CohortModule.NameMaxLength);
        builder.Property(m => m.NameEn).HasMaxLength(CohortModule.NameMaxLength);
        builder.HasIndex(m => new { m.CohortId, m.Name }).IsUnique();
    }
}

internal sealed class CohortApplicationConfiguration : IEntityTypeConfiguration<CohortApplication>
{
    public void Configure(EntityTypeBuilder<CohortApplication> builder)
    {
        builder.ToTable("esmart_applications");
        builder.HasOne(a => a.Cohort).WithMany().HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Ikm).WithMany().HasForeignKey(a => a.IkmId).OnDelete(DeleteBehavior.Cascade);
        // One application per IKM and cohort: the backstop for a double submit.
        builder.HasIndex(a => new { a.CohortId, a.IkmId }).IsUnique();
        builder.HasIndex(a => new { a.CohortId, a.State });
        builder.Property(a => a.Note).HasMaxLength(CohortApplication.NoteMaxLength);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasMany(a => a.Completions).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Completions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ModuleCompletionConfiguration : IEntityTypeConfiguration<ModuleCompletion>
{
    public void Configure(EntityTypeBuilder<ModuleCompletion> builder)
    {
        builder.ToTable("esmart_module_completions");
        builder.HasKey(c => new { c.ApplicationId, c.ModuleId });
        builder.HasOne<CohortModule>().WithMany().HasForeignKey(c => c.ModuleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ESmartParticipantConfiguration : IEntityTypeConfiguration<ESmartParticipant>
{
    public void Configure(EntityTypeBuilder<ESmartParticipant> builder)
    {
        builder.ToTable("esmart_participants", t =>
        {
            t.HasCheckConstraint("ck_esmart_participants_order", "(trained_on IS NULL OR trained_on >= registered_on) AND (curated_on IS NULL OR (trained_on IS NOT NULL AND curated_on >= trained_on))");
        });
        builder.Property(p => p.ProvinceCode).HasMaxLength(2);
        builder.HasOne<Province>().WithMany().HasForeignKey(p => p.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Ikm>().WithMany().HasForeignKey(p => p.IkmId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.IkmId).IsUnique();
        builder.HasIndex(p => p.RegisteredOn);
    }
}
