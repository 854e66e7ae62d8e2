using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.AuthorName).HasMaxLength(80);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.EmailKey).HasMaxLength(256);
        builder.Property(c => c.Text).HasMaxLength(Comment.MaxTextLength);
        builder.Property(c => c.AddressHash).HasMaxLength(64);
        builder.Property(c => c.ConfirmationHash).HasMaxLength(64);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne(c => c.Post).WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PostId, c.State, c.CreatedAt });
        builder.HasIndex(c => new { c.State, c.CreatedAt });
        builder.HasIndex(c => new { c.AddressHash, c.CreatedAt });
        builder.HasIndex(c => new { c.EmailKey, c.State });
    }
}
