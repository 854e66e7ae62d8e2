using LocalProducts.Web.Data.Sql;

namespace LocalProducts.UnitTests.Data.Sql;

public sealed class SqlScriptsTests
{
    [Theory]
    [InlineData("WHERE state = {{ProductState.Published}}", "WHERE state = 2")]
    [InlineData("WHERE state = {{ProductState.PendingReview}} OR state = {{ProductState.Hidden}}", "WHERE state = 1 OR state = 3")]
    [InlineData("FILTER (WHERE kind = {{CertificationKind.Sni}})", "FILTER (WHERE kind = 3)")]
    [InlineData("WHERE state = {{PostState.Scheduled}}", "WHERE state = 3")]
    [InlineData("SELECT '{a}', ARRAY[1, 2]", "SELECT '{a}', ARRAY[1, 2]")]
    public void ReplacePlaceholders_WritesEachEnumMemberAsItsStoredNumber(string sql, string expected)
    {
        Assert.Equal(expected, SqlScripts.ReplacePlaceholders(sql));
    }

    [Theory]
    [InlineData("state = {{ProductStatus.Published}}", "{{ProductStatus.Published}}")]
    [InlineData("state = {{ProductState.Publish}}", "{{ProductState.Publish}}")]
    [InlineData("state = {{ProductState.published}}", "{{ProductState.published}}")]
    [InlineData("state = {{ProductState.2}}", "{{ProductState.2}}")]
    [InlineData("state = {{ProductState}}", "{{ProductState}}")]
    [InlineData("state = {{ ProductState.Published }}", "{{ ProductState.Published }}")]
    [InlineData("state = {{ProductState.Published", "{{ProductState.Published")]
    public void ReplacePlaceholders_Unknown_Throws_NamingIt(string sql, string placeholder)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqlScripts.ReplacePlaceholders(sql));

        Assert.Contains(placeholder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryFile_HasItsPlaceholdersReplaced()
    {
        Assert.Contains("product_search_step", SqlScripts.Names);
        Assert.All(SqlScripts.Names, name => Assert.DoesNotContain("{{", SqlScripts.Read(name), StringComparison.Ordinal));
        Assert.Contains("NEW.state = 2 THEN", SqlScripts.Read("products_sync_search"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoSuchFile_Throws()
    {
        Assert.Throws<ArgumentException>(() => SqlScripts.Read("no_such_function"));
    }
}
