using LocalProducts.Web.Data.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <summary>
    /// Search's database functions, triggers and vocabulary view from their files in Data/Sql, the
    /// one current version of each (SqlScripts). They are the same definitions the earlier
    /// migrations left, so nothing changes in the database but the view's rebuild.
    /// </summary>
    public partial class SearchSqlInFiles : Migration
    {
        /// <summary>Dependencies first: each may call the ones above it.</summary>
        private static readonly string[] _scripts =
        [
            "melokal_document",
            "melokal_product_vector",
            "products_derive",
            "products_refresh_certifications",
            "certifications_changed",
            "ikms_changed",
            "categories_changed",
            "search_words_changed",
            "search_terms",
            "product_search_band",
            "product_search_step",
            "product_search_flags",
            "products_sync_search",
            "product_facet_counts_change",
            "product_facet_counts_apply",
            "product_facet_counts_rebuild",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var script in _scripts)
            {
                migrationBuilder.Sql(SqlScripts.Read(script));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Up replaced each definition with the same one: there is nothing to go back to.
        }
    }
}
