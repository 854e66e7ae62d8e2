using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class ListingReportConfiguration : IEntityTypeConfiguration<ListingReport>
{
    public void Configure(EntityTypeBuilder<ListingReport> builder)
    {
        builder.Property(r => r.Details).HasMaxLength(ListingReport.DetailsMaxLength);
        builder.Property(r => r.StaffNote).HasMaxLength(ListingReport.StaffNoteMaxLength);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.HandledById).OnDelete(DeleteBehavior.SetNull);
        // The staff queue: open reports, oldest first.
        builder.HasIndex(r => new { r.State, r.ReportedAt });
        builder.HasIndex(r => r.ProductId);
    }
}
