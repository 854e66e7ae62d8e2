using LocalProducts.Web.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

/// A logged table (not unlogged like the rate-limit counters): a crash must not bring ended
/// sessions back to life.
internal sealed class EndedSessionConfiguration : IEntityTypeConfiguration<EndedSession>
{
    public void Configure(EntityTypeBuilder<EndedSession> builder)
    {
        builder.ToTable("ended_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
