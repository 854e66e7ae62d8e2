using LocalProducts.Web.Data.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <summary>
    /// Ranking by the part of a product a word is found in: the IKM's name moves from weight B to C
    /// (B is the category alone) and the description from C to D. Every vector is computed again.
    /// </summary>
    public partial class SearchPartWeights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("melokal_product_vector"));
            migrationBuilder.Sql("UPDATE products SET search_vector = melokal_product_vector(name, description, category_id, ikm_id);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The older weights are only ranking: the vectors stay as they are.
        }
    }
}
