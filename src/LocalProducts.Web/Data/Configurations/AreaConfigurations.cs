using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(2);
        builder.Property(p => p.Name).HasMaxLength(100);
    }
}

internal sealed class RegencyConfiguration : IEntityTypeConfiguration<Regency>
{
    public void Configure(EntityTypeBuilder<Regency> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(5);
        builder.Property(r => r.ProvinceCode).HasMaxLength(2);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.HasOne(r => r.Province).WithMany().HasForeignKey(r => r.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsCity);
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(8);
        builder.Property(d => d.RegencyCode).HasMaxLength(5);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.HasOne<Regency>().WithMany().HasForeignKey(d => d.RegencyCode).OnDelete(DeleteBehavior.Restrict);
    }
}
