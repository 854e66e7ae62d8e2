using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class InfluencerRoundConfiguration : IEntityTypeConfiguration<InfluencerRound>
{
    public void Configure(EntityTypeBuilder<InfluencerRound> builder)
    {
        builder.ToTable("influencer_rounds", t =>
        {
            t.HasCheckConstraint("ck_influencer_rounds_window_days", "window_days BETWEEN 1 AND 60");
            t.HasCheckConstraint("ck_influencer_rounds_minimum_posts", "minimum_posts BETWEEN 1 AND 100");
        });
        builder.Property(r => r.Slug).HasMaxLength(Slug.MaxLength);
        builder.HasIndex(r => new { r.CampaignId, r.Slug }).IsUnique();
        builder.Property(r => r.Title).HasMaxLength(InfluencerRound.TitleMaxLength);
        builder.Property(r => r.Rules).HasMaxLength(InfluencerRound.RulesMaxLength);
        builder.Property(r => r.FollowerJumpShare).HasPrecision(6, 4);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Post>().WithMany().HasForeignKey(r => r.AnnouncementPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Prizes).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Prizes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.StateChanges).WithOne().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.StateChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.State, r.WindowStartsOn });
    }
}

internal sealed class RoundPrizeConfiguration : IEntityTypeConfiguration<RoundPrize>
{
    public void Configure(EntityTypeBuilder<RoundPrize> builder)
    {
        builder.ToTable("round_prizes", t => t.HasCheckConstraint("ck_round_prizes_value", "value_rupiah >= 0 AND rank > 0"));
        builder.Property(p => p.Description).HasMaxLength(300);
        builder.HasIndex(p => new { p.RoundId, p.Rank }).IsUnique();
    }
}

internal sealed class RoundStateChangeConfiguration : IEntityTypeConfiguration<RoundStateChange>
{
    public void Configure(EntityTypeBuilder<RoundStateChange> builder)
    {
        builder.ToTable("round_state_changes");
        builder.Property(c => c.By).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.Property(c => c.Reason).HasMaxLength(RoundStateChange.ReasonMaxLength);
        builder.HasIndex(c => new { c.RoundId, c.At });
    }
}

internal sealed class InfluencerConfiguration : IEntityTypeConfiguration<Influencer>
{
    public void Configure(EntityTypeBuilder<Influencer> builder)
    {
        builder.ToTable("influencers");
        builder.Property(i => i.Name).HasMaxLength(Influencer.NameMaxLength);
        builder.Property(i => i.City).HasMaxLength(Influencer.CityMaxLength);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.EmailKey).HasMaxLength(256);
        builder.HasIndex(i => i.EmailKey).IsUnique();
        builder.Property(i => i.WhatsApp).HasMaxLength(20);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RoundEntryConfiguration : IEntityTypeConfiguration<RoundEntry>
{
    public void Configure(EntityTypeBuilder<RoundEntry> builder)
    {
        builder.ToTable("round_entries");
        builder.HasOne(e => e.Round).WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Influencer).WithMany().HasForeignKey(e => e.InfluencerId).OnDelete(DeleteBehavior.Restrict);
        // One entry per influencer and round: the backstop for a double sign-up.
        builder.HasIndex(e => new { e.RoundId, e.InfluencerId }).IsUnique();
        builder.HasIndex(e => new { e.RoundId, e.Status });
        builder.Property(e => e.ConfirmationHash).HasMaxLength(64);
        builder.Property(e => e.SubmissionHash).HasMaxLength(64);
        builder.Property(e => e.DecidedBy).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.Property(e => e.DeclineReason).HasMaxLength(RoundEntry.ReasonMaxLength);
        builder.Property(e => e.ExclusionReason).HasMaxLength(RoundEntry.ReasonMaxLength);
        builder.HasOne<EventRegistration>().WithMany().HasForeignKey(e => e.EventRegistrationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.Handles).WithOne().HasForeignKey(h => h.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Handles).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EntryHandleConfiguration : IEntityTypeConfiguration<EntryHandle>
{
    public void Configure(EntityTypeBuilder<EntryHandle> builder)
    {
        builder.ToTable("entry_handles", t => t.HasCheckConstraint("ck_entry_handles_followers", "followers >= 0"));
        builder.HasKey(h => new { h.EntryId, h.Platform });
        builder.Property(h => h.Handle).HasMaxLength(EntryHandle.HandleMaxLength);
        builder.Property(h => h.HandleKey).HasMaxLength(EntryHandle.HandleMaxLength);
        // One account belongs to one influencer within a round.
        builder.HasIndex(h => new { h.RoundId, h.Platform, h.HandleKey }).IsUnique();
        builder.HasOne<InfluencerRound>().WithMany().HasForeignKey(h => h.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InfluencerLinkConfiguration : IEntityTypeConfiguration<InfluencerLink>
{
    public void Configure(EntityTypeBuilder<InfluencerLink> builder)
    {
        builder.ToTable("influencer_links", t => t.HasCheckConstraint("ck_influencer_links_target", "(product_id IS NULL) <> (ikm_id IS NULL)"));
        builder.HasKey(l => l.Code);
        builder.Property(l => l.Code).HasMaxLength(InfluencerLink.CodeLength);
        builder.HasOne(l => l.Entry).WithMany().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Ikm>().WithMany().HasForeignKey(l => l.IkmId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.EntryId, l.ProductId, l.IkmId }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class InfluencerLinkClickDayConfiguration : IEntityTypeConfiguration<InfluencerLinkClickDay>
{
    public void Configure(EntityTypeBuilder<InfluencerLinkClickDay> builder)
    {
        builder.ToTable("influencer_link_clicks");
        builder.HasKey(c => new { c.Code, c.Day });
        builder.Property(c => c.Code).HasMaxLength(InfluencerLink.CodeLength);
        builder.HasOne<InfluencerLink>().WithMany().HasForeignKey(c => c.Code).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundPostConfiguration : IEntityTypeConfiguration<RoundPost>
{
    public void Configure(EntityTypeBuilder<RoundPost> builder)
    {
        builder.ToTable("round_posts");
        builder.Property(p => p.Url).HasMaxLength(RoundPost.UrlMaxLength);
        builder.Property(p => p.UrlKey).HasMaxLength(RoundPost.UrlMaxLength + 20);
        builder.Property(p => p.ExclusionReason).HasMaxLength(RoundPost.ReasonMaxLength);
        builder.HasOne(p => p.Entry).WithMany().HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InfluencerRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.SetNull);
        // A post is its influencer, platform and address: entered twice, it is found again.
        builder.HasIndex(p => new { p.EntryId, p.Platform, p.UrlKey }).IsUnique();
        // The same address under two influencers is a flag.
        builder.HasIndex(p => new { p.RoundId, p.UrlKey });
    }
}

internal sealed class MetricSnapshotConfiguration : IEntityTypeConfiguration<MetricSnapshot>
{
    public void Configure(EntityTypeBuilder<MetricSnapshot> builder)
    {
        builder.ToTable("metric_snapshots", t => t.HasCheckConstraint("ck_metric_snapshots_not_negative",
            "coalesce(followers, 0) >= 0 AND coalesce(likes, 0) >= 0 AND coalesce(comments, 0) >= 0 AND coalesce(shares, 0) >= 0 AND coalesce(saves, 0) >= 0 AND coalesce(views, 0) >= 0"));
        builder.Ignore(s => s.Metrics);
        builder.HasOne<RoundPost>().WithMany().HasForeignKey(s => s.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MetricImport>().WithMany().HasForeignKey(s => s.ImportId).OnDelete(DeleteBehavior.SetNull);
        // A snapshot is its post and time: the same file imported twice adds nothing.
        builder.HasIndex(s => new { s.PostId, s.TakenAt }).IsUnique();
    }
}

internal sealed class MetricImportConfiguration : IEntityTypeConfiguration<MetricImport>
{
    public void Configure(EntityTypeBuilder<MetricImport> builder)
    {
        builder.ToTable("metric_imports");
        builder.Property(i => i.FileName).HasMaxLength(MetricImport.FileNameMaxLength);
        builder.Property(i => i.FileSha256).HasMaxLength(64);
        builder.Property(i => i.DetectedEncoding).HasMaxLength(40);
        builder.Property(i => i.DetectedSeparator).HasMaxLength(20);
        builder.Property(i => i.DetectedNumberFormat).HasMaxLength(40);
        builder.Property(i => i.CreatedBy).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.Property(i => i.Version).IsRowVersion();
        builder.OwnsMany(i => i.Problems, b => b.ToJson());
        builder.OwnsOne(i => i.FileProblem, b => b.ToJson());
        builder.HasOne<InfluencerRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.RoundId, i.CreatedAt });
        builder.HasIndex(i => i.State).HasFilter("state IN (1, 2, 4)");
    }
}

internal sealed class RoundFlagConfiguration : IEntityTypeConfiguration<RoundFlag>
{
    public void Configure(EntityTypeBuilder<RoundFlag> builder)
    {
        builder.ToTable("round_flags");
        builder.Property(f => f.Figures).HasMaxLength(600);
        builder.Property(f => f.Resolution).HasMaxLength(RoundFlag.ReasonMaxLength);
        builder.Property(f => f.ResolvedBy).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.HasOne<InfluencerRound>().WithMany().HasForeignKey(f => f.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Entry).WithMany().HasForeignKey(f => f.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Post).WithMany().HasForeignKey(f => f.PostId).OnDelete(DeleteBehavior.Cascade);
        // A rule raises one flag per influencer account or post; checking again adds none.
        builder.HasIndex(f => new { f.RoundId, f.Rule, f.EntryId, f.Platform, f.PostId }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(f => new { f.RoundId, f.Status });
    }
}

internal sealed class RoundResultConfiguration : IEntityTypeConfiguration<RoundResult>
{
    public void Configure(EntityTypeBuilder<RoundResult> builder)
    {
        builder.ToTable("round_results");
        builder.HasKey(r => new { r.RoundId, r.EntryId });
        builder.Property(r => r.Name).HasMaxLength(Influencer.NameMaxLength);
        builder.Property(r => r.Handles).HasMaxLength(600);
        builder.Property(r => r.Prize).HasMaxLength(300);
        builder.HasOne<InfluencerRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RoundEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
