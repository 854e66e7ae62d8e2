using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<CampaignEvent>
{
    public void Configure(EntityTypeBuilder<CampaignEvent> builder)
    {
        builder.Property(e => e.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Place).HasMaxLength(300);
        builder.Property(e => e.OnlineUrl).HasMaxLength(500);
        builder.Property(e => e.Description).HasMaxLength(20_000);
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasOne(e => e.Campaign).WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.State, e.StartsAt });
        builder.ToTable(t => t.HasCheckConstraint("ck_events_capacity", "capacity > 0"));
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Email).HasMaxLength(256);
        builder.Property(r => r.EmailKey).HasMaxLength(256);
        builder.Property(r => r.WhatsApp).HasMaxLength(20);
        builder.Property(r => r.ConfirmationHash).HasMaxLength(64);
        builder.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        // The backstop for two sign-ups with one address at the same moment.
        builder.HasIndex(r => new { r.EventId, r.EmailKey }).IsUnique();
        builder.HasIndex(r => new { r.EventId, r.Status, r.RegisteredAt });
    }
}
