using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class IkmConfiguration : IEntityTypeConfiguration<Ikm>
{
    public void Configure(EntityTypeBuilder<Ikm> builder)
    {
        builder.ToTable("ikms");
        builder.Property(i => i.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(i => i.Slug).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Nib).HasMaxLength(Nib.Length).IsFixedLength();
        builder.HasIndex(i => i.Nib).IsUnique();
        builder.Property(i => i.Kbli).HasMaxLength(5);
        builder.Property(i => i.ProvinceCode).HasMaxLength(2);
        builder.Property(i => i.RegencyCode).HasMaxLength(5);
        builder.Property(i => i.DistrictCode).HasMaxLength(8);
        builder.Property(i => i.Address).HasMaxLength(500);
        builder.Property(i => i.Sentra).HasMaxLength(200);
        builder.Property(i => i.Story).HasMaxLength(10_000);
        builder.Property(i => i.WhatsApp).HasMaxLength(16);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.Website).HasMaxLength(500);
        builder.HasOne(i => i.Logo).WithMany().HasForeignKey(i => i.LogoImageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => i.LogoImageId);
        builder.Property(i => i.QrisMerchantName).HasMaxLength(Ikm.QrisMerchantNameMaxLength);
        builder.HasOne(i => i.Qris).WithMany().HasForeignKey(i => i.QrisImageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => i.QrisImageId);
        builder.Property(i => i.RejectionReason).HasMaxLength(1000);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasOne(i => i.Province).WithMany().HasForeignKey(i => i.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Regency).WithMany().HasForeignKey(i => i.RegencyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.District).WithMany().HasForeignKey(i => i.DistrictCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Products).WithOne(p => p.Ikm).HasForeignKey(p => p.IkmId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Products).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => new { i.ProvinceCode, i.RegencyCode });
        builder.HasIndex(i => i.OwnerId);
        builder.HasIndex(i => i.ESmartAlumniSince).HasFilter("e_smart_alumni_since IS NOT NULL");
    }
}
