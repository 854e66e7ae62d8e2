using System.Net.Sockets;
using LocalProducts.Web.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LocalProducts.UnitTests.Infrastructure.Requests;

/// Which failures are a database outage (503 sebentar) and which stay errors (500).
public sealed class DatabaseOutageTests
{
    [Theory]
    [InlineData("57P01")] // admin shutdown: the server stopping
    [InlineData("57P02")] // crash shutdown
    [InlineData("57P03")] // cannot connect now: starting up
    [InlineData("53300")] // too many connections
    [InlineData("53100")] // disk full
    [InlineData("08006")] // connection failure
    [InlineData("58030")] // I/O error
    public void IsOutage_ServerSaysItCannotServe_IsAnOutage(string sqlState) =>
        Assert.True(DatabaseOutage.IsOutage(new PostgresException("down", "FATAL", "FATAL", sqlState)));

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("40001")] // serialization failure: the write's own retry decides
    [InlineData("40P01")] // deadlock
    [InlineData("57014")] // statement cancelled
    [InlineData("42P01")] // undefined table: a bug
    [InlineData("22021")] // bad byte in text: a bug
    public void IsOutage_QueryOrDataError_IsNotAnOutage(string sqlState) =>
        Assert.False(DatabaseOutage.IsOutage(new PostgresException("no", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void IsOutage_BrokenOrRefusedConnection_IsAnOutage()
    {
        Assert.True(DatabaseOutage.IsOutage(new NpgsqlException("Exception while reading from stream", new IOException("reset"))));
        Assert.True(DatabaseOutage.IsOutage(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseOutage.IsOutage(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())));
    }

    [Fact]
    public void IsOutage_WrappedByEfCore_IsFoundInside()
    {
        var wrapped = new RetryLimitExceededException("retried", new PostgresException("down", "FATAL", "FATAL", "57P01"));

        Assert.True(DatabaseOutage.IsOutage(wrapped));
        Assert.Equal("PostgresException 57P01", DatabaseOutage.Describe(DatabaseOutage.Find(wrapped)!));
    }

    [Fact]
    public void IsOutage_OtherExceptions_AreNotOutages()
    {
        Assert.False(DatabaseOutage.IsOutage(new InvalidOperationException("a bug")));
        Assert.False(DatabaseOutage.IsOutage(new NpgsqlException("not transient")));
        Assert.False(DatabaseOutage.IsOutage(null));
    }
}
