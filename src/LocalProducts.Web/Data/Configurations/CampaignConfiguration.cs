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
        builder.Property(c => c.Hashtag).HasMaxLength(Campaign.HashtagMaxLength);
        builder.Property(c => c.Tagline).HasMaxLength(300);
        builder.Property(c => c.EnglishName).HasMaxLength(200);
        builder.Property(c => c.EnglishTagline).HasMaxLength(300);
        builder.Property(c => c.Description).HasMaxLength(20_000);
        builder.Property(c => c.BannerPath).HasMaxLength(500);
        builder.Property(c => c.BannerCredit).HasMaxLength(200);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasMany(c => c.FeaturedCategories).WithMany().UsingEntity("campaign_featured_categories");
        builder.Navigation(c => c.FeaturedCategories).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.FeaturedProducts).WithMany().UsingEntity("campaign_featured_products");
        builder.Navigation(c => c.FeaturedProducts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.FeaturedIkms).WithMany().UsingEntity("campaign_featured_ikms");
        builder.Navigation(c => c.FeaturedIkms).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CampaignSlugRedirectConfiguration : IEntityTypeConfiguration<CampaignSlugRedirect>
{
    public void Configure(EntityTypeBuilder<CampaignSlugRedirect> builder)
    {
        builder.ToTable("campaign_slug_history");
        builder.HasKey(r => r.Slug);
        builder.Property(r => r.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(Post.TitleMaxLength);
        builder.Property(p => p.Lead).HasMaxLength(Post.LeadMaxLength);
        builder.Property(p => p.EnglishTitle).HasMaxLength(Post.TitleMaxLength);
        builder.Property(p => p.EnglishLead).HasMaxLength(Post.LeadMaxLength);
        builder.Property(p => p.Body).HasMaxLength(Post.BodyMaxLength);
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
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.EditorId).OnDelete(DeleteBehavior.SetNull);
        // The scheduled-publishing job looks for due posts only.
        builder.HasIndex(p => p.ScheduledFor).HasFilter($"state = {(int)PostState.Scheduled}");
    }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> builder)
    {
        builder.ToTable("post_revisions");
        builder.Property(r => r.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(r => r.Title).HasMaxLength(Post.TitleMaxLength);
        builder.Property(r => r.Lead).HasMaxLength(Post.LeadMaxLength);
        builder.Property(r => r.Body).HasMaxLength(Post.BodyMaxLength);
        builder.Property(r => r.DatelineCity).HasMaxLength(100);
        builder.Property(r => r.HeroImagePath).HasMaxLength(500);
        builder.Property(r => r.HeroCaption).HasMaxLength(300);
        builder.Property(r => r.HeroCredit).HasMaxLength(200);
        builder.Property(r => r.Author).HasMaxLength(100);
        builder.Property(r => r.Editor).HasMaxLength(100);
        builder.Property(r => r.SavedByName).HasMaxLength(256);
        builder.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PostId, r.Number }).IsUnique();
    }
}

internal sealed class PostSlugRedirectConfiguration : IEntityTypeConfiguration<PostSlugRedirect>
{
    public void Configure(EntityTypeBuilder<PostSlugRedirect> builder)
    {
        builder.ToTable("post_slug_history");
        builder.HasKey(r => r.Slug);
        builder.Property(r => r.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostViewDayConfiguration : IEntityTypeConfiguration<PostViewDay>
{
    public void Configure(EntityTypeBuilder<PostViewDay> builder)
    {
        builder.ToTable("post_views");
        builder.HasKey(v => new { v.PostId, v.Day });
        builder.HasOne<Post>().WithMany().HasForeignKey(v => v.PostId).OnDelete(DeleteBehavior.Cascade);
        // "Terpopuler" sums the last days.
        builder.HasIndex(v => v.Day);
    }
}
