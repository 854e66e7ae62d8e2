using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <summary>
    /// The suggestion box's names that start with the typed text: a range scan in byte order
    /// (text_pattern_ops) that stops after a few rows. The GIN prefix match on the name's words
    /// read every posting list of a common two-letter prefix (25,000 products for "ba" at
    /// 100,000), which was most of a suggestion's time.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261206021500_NamePrefixIndexes")]
    public partial class NamePrefixIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // 2 = ProductState.Published, VerificationState.Verified.
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS ix_products_published_name_prefix ON products (lower(name) text_pattern_ops)
                WHERE state = 2;
                CREATE INDEX IF NOT EXISTS ix_ikms_verified_name_prefix ON ikms (lower(name) text_pattern_ops)
                WHERE verification = 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_products_published_name_prefix;
                DROP INDEX IF EXISTS ix_ikms_verified_name_prefix;
                """);
        }
    }
}
