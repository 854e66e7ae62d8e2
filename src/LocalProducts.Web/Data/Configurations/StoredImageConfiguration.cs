using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class StoredImageConfiguration : IEntityTypeConfiguration<StoredImage>
{
    public void Configure(EntityTypeBuilder<StoredImage> builder)
    {
        // Ids are made by the application (Guid v7: ordered by time, unguessable enough to list).
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ContentHash).HasMaxLength(32);
        // The orphan sweep looks for old images nobody refers to.
        builder.HasIndex(i => i.CreatedAt);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.CreatedBy).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Variants).WithOne().HasForeignKey(v => v.ImageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Variants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ToTable(t => t.HasCheckConstraint("ck_stored_images_size", "width > 0 AND height > 0 AND share_width > 0"));
    }
}

internal sealed class StoredImageVariantConfiguration : IEntityTypeConfiguration<StoredImageVariant>
{
    public void Configure(EntityTypeBuilder<StoredImageVariant> builder)
    {
        // One row per copy; serving reads exactly one row by this key.
        builder.HasKey(v => new { v.ImageId, v.Format, v.Width });
        builder.ToTable(t => t.HasCheckConstraint("ck_stored_image_variants_length", "byte_length = octet_length(bytes)"));
    }
}
