using System.Net.Sockets;
using Npgsql;

namespace LocalProducts.Web.Infrastructure.Requests;

/// Tells a database that is down, restarting or out of connections (a fault that passes by itself)
/// from a bug: refused or broken connections, timeouts, an exhausted pool, PostgreSQL shutting down
/// or starting up, too many connections, a full disk. Serialization failures, deadlocks, constraint
/// and query errors are not outages and keep their own handling.
internal static class DatabaseOutage
{
    /// The exception in the chain (itself or an inner one) that shows the outage, or null.
    public static Exception? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (ShowsOutage(current))
            {
                return current;
            }
        }
        return null;
    }

    public static bool IsOutage(Exception? exception) => Find(exception) is not null;

    /// A short description for the log, without a stack trace: the type and, from PostgreSQL, its code.
    public static string Describe(Exception exception) => exception switch
    {
        PostgresException postgres => $"{nameof(PostgresException)} {postgres.SqlState}",
        _ => exception.GetType().Name,
    };

    private static bool ShowsOutage(Exception exception) => exception switch
    {
        PostgresException postgres => IsOutageState(postgres.SqlState),
        // Not from the server: the connection could not be made, broke, or timed out (and an
        // exhausted pool, which Npgsql reports with an inner TimeoutException).
        NpgsqlException npgsql => npgsql.IsTransient,
        SocketException => true,
        _ => false,
    };

    /// Connection exceptions (08), insufficient resources (53: too many connections, disk full),
    /// operator intervention other than a cancelled statement (57P01 admin shutdown, 57P02 crash
    /// shutdown, 57P03 cannot connect now) and system errors (58).
    internal static bool IsOutageState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("58", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
}
