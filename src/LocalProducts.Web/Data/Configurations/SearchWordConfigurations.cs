using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class SearchStopWordConfiguration : IEntityTypeConfiguration<SearchStopWord>
{
    public void Configure(EntityTypeBuilder<SearchStopWord> builder)
    {
        builder.HasKey(w => w.Word);
        builder.Property(w => w.Word).HasMaxLength(100);
    }
}

internal sealed class SearchProtectedWordConfiguration : IEntityTypeConfiguration<SearchProtectedWord>
{
    public void Configure(EntityTypeBuilder<SearchProtectedWord> builder)
    {
        builder.HasKey(w => w.Word);
        builder.Property(w => w.Word).HasMaxLength(100);
    }
}

internal sealed class ScheduledJobRunConfiguration : IEntityTypeConfiguration<LocalProducts.Web.Infrastructure.ScheduledJobRun>
{
    public void Configure(EntityTypeBuilder<LocalProducts.Web.Infrastructure.ScheduledJobRun> builder)
    {
        builder.HasKey(r => r.Name);
        builder.Property(r => r.Name).HasMaxLength(100);
    }
}

internal sealed class SearchSynonymConfiguration : IEntityTypeConfiguration<LocalProducts.Web.Domain.Search.SearchSynonym>
{
    public void Configure(EntityTypeBuilder<LocalProducts.Web.Domain.Search.SearchSynonym> builder)
    {
        builder.Property(s => s.Word).HasMaxLength(LocalProducts.Web.Domain.Search.SearchSynonym.MaxLength);
        builder.Property(s => s.SameAs).HasMaxLength(LocalProducts.Web.Domain.Search.SearchSynonym.MaxLength);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasIndex(s => new { s.Word, s.SameAs }).IsUnique();
        builder.HasIndex(s => s.SameAs);
    }
}
