using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Hashtag).HasMaxLength(100);
        builder.Property(c => c.Tagline).HasMaxLength(300);
        builder.Property(c => c.Description).HasMaxLength(20_000);
        builder.Property(c => c.BannerPath).HasMaxLength(500);
        builder.Property(c => c.BannerCredit).HasMaxLength(200);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasMany(c => c.FeaturedCategories).WithMany().UsingEntity("campaign_featured_categories");
        builder.Navigation(c => c.FeaturedCategories).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Lead).HasMaxLength(500);
        builder.Property(p => p.Body).HasMaxLength(100_000);
        builder.Property(p => p.DatelineCity).HasMaxLength(100);
        builder.Property(p => p.HeroImagePath).HasMaxLength(500);
        builder.Property(p => p.HeroCaption).HasMaxLength(300);
        builder.Property(p => p.HeroCredit).HasMaxLength(200);
        builder.Property(p => p.Author).HasMaxLength(100);
        builder.Property(p => p.Editor).HasMaxLength(100);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne(p => p.Campaign).WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.State, p.PublishedAt });
        builder.HasIndex(p => p.Tags).HasMethod("gin");
    }
}
