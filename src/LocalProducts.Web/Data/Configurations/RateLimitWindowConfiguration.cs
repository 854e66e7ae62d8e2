using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

/// PostgresRateLimiter writes this table with its own INSERT … ON CONFLICT: keep the names in step.
internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        // Counters that may be lost in a crash: unlogged, so each counted POST writes no WAL.
        builder.ToTable("rate_limit_windows").IsUnlogged();
        builder.HasKey(w => new { w.Bucket, w.Key, w.WindowStart });
        builder.Property(w => w.Bucket).HasMaxLength(40);
        builder.Property(w => w.Key).HasMaxLength(100);
        builder.HasIndex(w => w.ExpiresAt);
    }
}
