namespace LocalProducts.Web.Infrastructure.Replica;

/// What this instance last saw of the replica (<see cref="ReplicaMonitor"/> keeps it current):
/// per instance on purpose, it is only a view of the replica's health. Until the first look,
/// reads go to the primary.
public sealed class ReplicaHealth
{
    private volatile ReplicaState _state = new(false, "not checked yet", null);

    public bool IsUsable => _state.IsUsable;

    public ReplicaState State => _state;

    internal void Set(ReplicaState state) => _state = state;
}

/// <param name="IsUsable">Reads may go to the replica.</param>
/// <param name="Description">Why not, or how far behind it is, for people.</param>
/// <param name="Lag">How long the replica has lacked writes the primary made; null when unknown.</param>
public sealed record ReplicaState(bool IsUsable, string Description, TimeSpan? Lag);
