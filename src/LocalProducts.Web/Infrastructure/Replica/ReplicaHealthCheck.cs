using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LocalProducts.Web.Infrastructure.Replica;

/// The replica in /health/ready: healthy while reads go to it, degraded (still ready: the primary
/// serves every read) when it is down or too far behind.
public sealed class ReplicaHealthCheck(ReplicaHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = health.State;
        return Task.FromResult(state.IsUsable
            ? HealthCheckResult.Healthy(state.Description)
            : HealthCheckResult.Degraded($"reads go to the primary: {state.Description}"));
    }
}
