using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Alternatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class LocalAlternativeConfiguration : IEntityTypeConfiguration<LocalAlternative>
{
    public void Configure(EntityTypeBuilder<LocalAlternative> builder)
    {
        builder.Property(a => a.Term).HasMaxLength(LocalAlternative.TermMaxLength);
        builder.Property(a => a.NormalizedTerm).HasMaxLength(LocalAlternative.TermMaxLength);
        builder.HasIndex(a => a.NormalizedTerm).IsUnique();
        builder.Property(a => a.OtherSpellings).HasMaxLength(LocalAlternative.OtherSpellingsMaxLength);
        builder.Property(a => a.SearchWords).HasMaxLength(LocalAlternative.SearchWordsMaxLength);
        builder.Property(a => a.Reason).HasMaxLength(LocalAlternative.ReasonMaxLength);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasMany(a => a.Categories).WithMany()
            .UsingEntity<Dictionary<string, object>>(
                "local_alternative_categories",
                j => j.HasOne<Category>().WithMany().HasForeignKey("category_id").OnDelete(DeleteBehavior.Cascade),
                j => j.HasOne<LocalAlternative>().WithMany().HasForeignKey("local_alternative_id").OnDelete(DeleteBehavior.Cascade));
        builder.Navigation(a => a.Categories).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
