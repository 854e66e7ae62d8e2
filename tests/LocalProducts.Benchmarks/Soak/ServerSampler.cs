using System.Globalization;
using Npgsql;

namespace LocalProducts.Benchmarks.Soak;

/// One look at the servers: each site instance's resident memory (VmRSS from /proc/&lt;pid&gt;/status)
/// and the site's connections to PostgreSQL by state (pg_stat_activity), on the primary and, when
/// given, the replica.
internal sealed record ServerSample(double AtMinutes, IReadOnlyList<double?> RssMb, string PrimaryConnections, string ReplicaConnections);

internal sealed class ServerSampler(IReadOnlyList<int> pids, NpgsqlDataSource primary, NpgsqlDataSource? replica)
{
    public IReadOnlyList<int> Pids => pids;

    public async Task<ServerSample> SampleAsync(double atMinutes) => new(
        atMinutes, [.. pids.Select(RssMb)], await ConnectionsAsync(primary), replica is null ? "-" : await ConnectionsAsync(replica));

    /// Megabytes resident, or null when the process is gone.
    public static double? RssMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// "12 (idle 10, active 2)": the site's connections to the database, this tool's own left out.
    private static async Task<string> ConnectionsAsync(NpgsqlDataSource dataSource)
    {
        try
        {
            await using var command = dataSource.CreateCommand("""
                SELECT coalesce(state, 'none'), count(*)::int FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                GROUP BY 1 ORDER BY 2 DESC
                """);
            await using var reader = await command.ExecuteReaderAsync();
            var states = new List<(string State, int Count)>();
            while (await reader.ReadAsync())
            {
                states.Add((reader.GetString(0), reader.GetInt32(1)));
            }
            return $"{states.Sum(s => s.Count)} ({string.Join(", ", states.Select(s => $"{s.State} {s.Count}"))})";
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return "unavailable";
        }
    }
}
