using LocalProducts.Web.Data.Sql;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LocalProducts.Web.Data.Migrations
{
    /// <summary>
    /// The vocabulary view names <c>public.products</c>: a plain <c>pg_restore</c> of the nightly
    /// dump (and PostgreSQL 17's REFRESH) run with an empty search path, where the unqualified
    /// name inside ts_stat's text was not found and the restore stopped.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261206011500_SearchTermsNamesItsSchema")]
    public partial class SearchTermsNamesItsSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("search_terms"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The qualified name works wherever the unqualified one did.
        }
    }
}
