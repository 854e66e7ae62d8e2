using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalProducts.Web.Data.Configurations;

internal sealed class OutboundClickDayConfiguration : IEntityTypeConfiguration<OutboundClickDay>
{
    public void Configure(EntityTypeBuilder<OutboundClickDay> builder)
    {
        builder.ToTable("outbound_clicks");
        builder.HasKey(c => new { c.ProductId, c.Platform, c.Day });
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.Day);
    }
}
