using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(20_000);
        builder.Property(p => p.Unit).HasMaxLength(50);
        builder.Property(p => p.HiddenReason).HasMaxLength(1000);
        builder.Property(p => p.Version).IsRowVersion();
        builder.ToTable(t => t.HasCheckConstraint("ck_products_price", "price_min >= 0 AND (price_max IS NULL OR price_max > price_min)"));
        builder.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Certifications).WithOne().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.MarketplaceLinks).WithOne().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Certifications).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.MarketplaceLinks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Images).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => new { p.State, p.PublishedAt });
        builder.HasIndex(p => p.IkmId);
        builder.HasIndex(p => p.CategoryId);
        // Related products on a product page: the newest published ones of its category.
        builder.HasIndex(p => new { p.CategoryId, p.PublishedAt, p.Id }, "ix_products_published_by_category")
            .IsDescending(false, true, true)
            .HasFilter($"state = {(int)ProductState.Published}");

        // Derived by the database (see ProductSearchColumns); the application only reads them.
        DerivedColumn<NpgsqlTsVector>(builder, ProductSearchColumns.SearchVector);
        DerivedColumn<string>(builder, ProductSearchColumns.ProvinceCode).HasMaxLength(2);
        DerivedColumn<string>(builder, ProductSearchColumns.RegencyCode).HasMaxLength(5);
        DerivedColumn<DateOnly?>(builder, ProductSearchColumns.TkdnValidUntil);
        DerivedColumn<DateOnly?>(builder, ProductSearchColumns.HalalValidUntil);
        DerivedColumn<DateOnly?>(builder, ProductSearchColumns.SniValidUntil);
        DerivedColumn<DateOnly?>(builder, ProductSearchColumns.PdnValidUntil);
        builder.HasIndex(ProductSearchColumns.SearchVector).HasMethod("gin");
        builder.HasIndex(nameof(Product.State), ProductSearchColumns.ProvinceCode);
        builder.HasIndex(nameof(Product.State), nameof(Product.PriceMin));
    }

    private static PropertyBuilder<T> DerivedColumn<T>(EntityTypeBuilder<Product> builder, string name)
    {
        var property = builder.Property<T>(name).ValueGeneratedOnAddOrUpdate();
        property.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        property.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        return property;
    }
}

internal sealed class CertificationConfiguration : IEntityTypeConfiguration<Certification>
{
    public void Configure(EntityTypeBuilder<Certification> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(100);
        builder.Property(c => c.TkdnPercent).HasPrecision(5, 2);
        builder.Property(c => c.BmpPercent).HasPrecision(5, 2);
        builder.ToTable(t => t.HasCheckConstraint("ck_certifications_tkdn",
            "(tkdn_percent IS NULL OR tkdn_percent BETWEEN 0 AND 100) AND (bmp_percent IS NULL OR bmp_percent BETWEEN 0 AND 15)"));
        builder.HasIndex(c => new { c.ProductId, c.Kind });
    }
}

internal sealed class MarketplaceLinkConfiguration : IEntityTypeConfiguration<MarketplaceLink>
{
    public void Configure(EntityTypeBuilder<MarketplaceLink> builder)
    {
        builder.Property(l => l.Url).HasMaxLength(500);
        builder.HasIndex(l => new { l.ProductId, l.Platform }).IsUnique();
    }
}

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> builder)
    {
        builder.Property(i => i.AltText).HasMaxLength(300);
        // Deleting the stored image takes it off the product; one image is on one product only.
        builder.HasOne(i => i.Image).WithMany().HasForeignKey(i => i.ImageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.ImageId).IsUnique();
        builder.HasIndex(i => new { i.ProductId, i.SortOrder });
    }
}
