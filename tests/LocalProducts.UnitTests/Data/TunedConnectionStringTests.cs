using LocalProducts.Web.Data;
using Npgsql;

namespace LocalProducts.UnitTests.Data;

public sealed class TunedConnectionStringTests
{
    [Fact]
    public void NoTimeoutGiven_WaitsTheDefaultThreeSeconds_NotNpgsqlsFifteen()
    {
        var tuned = new NpgsqlConnectionStringBuilder(AppDbContext.TunedConnectionString("Host=db;Database=melokal"));

        Assert.Equal(AppDbContext.DefaultConnectionWaitSeconds, tuned.Timeout);
        Assert.Equal(3, tuned.Timeout);
    }

    [Fact]
    public void NoTimeoutGiven_WaitsTheConfiguredTime()
    {
        var tuned = new NpgsqlConnectionStringBuilder(AppDbContext.TunedConnectionString("Host=db;Database=melokal", connectionWaitSeconds: 7));

        Assert.Equal(7, tuned.Timeout);
    }

    [Theory]
    [InlineData("Host=db;Timeout=15")]
    [InlineData("Host=db;timeout=15")]
    [InlineData("Host=db; TIMEOUT = 15")]
    public void TimeoutGiven_IsKept(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(AppDbContext.TunedConnectionString(connectionString, connectionWaitSeconds: 7));

        Assert.Equal(15, tuned.Timeout);
    }

    [Fact]
    public void CommandTimeoutGiven_IsAnotherSetting_AndTheWaitIsStillShort()
    {
        var tuned = new NpgsqlConnectionStringBuilder(AppDbContext.TunedConnectionString("Host=db;Command Timeout=60"));

        Assert.Equal(60, tuned.CommandTimeout);
        Assert.Equal(AppDbContext.DefaultConnectionWaitSeconds, tuned.Timeout);
    }
}
