using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace LocalProducts.Web.Infrastructure.Replica;

/// Looks at the replica once a <see cref="ReplicaOptions.CheckInterval"/> and keeps
/// <see cref="ReplicaHealth"/> current. The lag is how long the replica has lacked WAL the primary
/// had: each look notes the primary's position (pg_current_wal_lsn) with the time, and the lag is
/// the age of the oldest noted position the replica has not replayed yet (pg_last_wal_replay_lsn).
/// An idle primary is no lag, and a paused replay is lag from the first write it holds back.
/// Logs once when reads start falling back to the primary (Warning) and once when they return.
public sealed class ReplicaMonitor(
    ReplicaDatabase replica, NpgsqlDataSource primary, ReplicaHealth health, IOptions<ReplicaOptions> options, TimeProvider clock, ILogger<ReplicaMonitor> logger)
    : BackgroundService
{
    /// The primary's positions the replica may still lack, oldest first.
    private readonly Queue<(DateTimeOffset At, NpgsqlLogSequenceNumber Position)> _primaryPositions = new();
    private bool? _wasUsable;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Never stop the host over a health view: read the primary until a look succeeds.
                Set(new ReplicaState(false, $"not checked ({ex.GetType().Name})", null));
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    internal async Task CheckAsync(CancellationToken cancellationToken)
    {
        NpgsqlLogSequenceNumber primaryPosition;
        try
        {
            await using var command = primary.CreateCommand("SELECT pg_current_wal_lsn()");
            primaryPosition = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Without the primary there is nothing to compare with, and nothing works anyway.
            return;
        }
        var now = clock.GetUtcNow();
        // The oldest position decides the lag: a replica stuck for hours needs no more than these.
        if (_primaryPositions.Count < 10_000)
        {
            _primaryPositions.Enqueue((now, primaryPosition));
        }
        Set(await LookAsync(now, cancellationToken));
    }

    private async Task<ReplicaState> LookAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        bool inRecovery;
        NpgsqlLogSequenceNumber? replayed;
        try
        {
            await using var command = replica.CheckDataSource.CreateCommand("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            inRecovery = reader.GetBoolean(0);
            replayed = reader.IsDBNull(1) ? null : reader.GetFieldValue<NpgsqlLogSequenceNumber>(1);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new ReplicaState(false, $"unreachable ({ex.GetType().Name}: {ex.Message})", null);
        }
        if (!inRecovery || replayed is not { } position)
        {
            return new ReplicaState(false, "not a standby (it is not replaying the primary's WAL)", null);
        }
        while (_primaryPositions.Count > 0 && _primaryPositions.Peek().Position <= position)
        {
            _primaryPositions.Dequeue();
        }
        var lag = _primaryPositions.Count == 0 ? TimeSpan.Zero : now - _primaryPositions.Peek().At;
        var maxLag = options.Value.MaxLag;
        return lag > maxLag
            ? new ReplicaState(false, $"lagging {lag.TotalSeconds:0.0} s behind the primary (limit {maxLag.TotalSeconds:0.#} s)", lag)
            : new ReplicaState(true, $"lag {lag.TotalSeconds:0.0} s", lag);
    }

    private void Set(ReplicaState state)
    {
        if (state.IsUsable && _wasUsable != true)
        {
            // Connections kept from before an outage are broken: start the pool afresh.
            replica.DataSource.Clear();
            logger.LogInformation("Reads go to the replica ({ReplicaState})", state.Description);
        }
        else if (!state.IsUsable && _wasUsable != false)
        {
            logger.LogWarning("Reads fall back to the primary: the replica is {ReplicaState}", state.Description);
        }
        _wasUsable = state.IsUsable;
        health.Set(state);
    }
}
