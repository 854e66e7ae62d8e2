using LocalProducts.Web.Domain.QrCodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class QrCodeConfiguration : IEntityTypeConfiguration<QrCode>
{
    public void Configure(EntityTypeBuilder<QrCode> builder)
    {
        builder.Property(q => q.Code).HasMaxLength(QrCode.CodeLength);
        builder.HasIndex(q => q.Code).IsUnique();
        // One code per product, maker or event (the target is checked when a code is made).
        builder.HasIndex(q => new { q.TargetKind, q.TargetId }).IsUnique();
    }
}

internal sealed class QrScanDayConfiguration : IEntityTypeConfiguration<QrScanDay>
{
    public void Configure(EntityTypeBuilder<QrScanDay> builder)
    {
        builder.ToTable("qr_scans");
        builder.HasKey(s => new { s.QrCodeId, s.Day });
        builder.HasOne<QrCode>().WithMany().HasForeignKey(s => s.QrCodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
