namespace LocalProducts.Web.Infrastructure.Replica;

/// Settings of the read replica (section "Replica"). The replica itself is
/// ConnectionStrings:Replica; without it every read goes to the primary.
public sealed class ReplicaOptions
{
    public const string Section = "Replica";

    /// A replica further behind the primary than this is not read.
    public double MaxLagSeconds { get; set; } = 5;

    /// How long a person's reads stay on the primary after their own write (the "baru-menulis"
    /// cookie). Never shorter than the lag the replica may have, plus a second.
    public double OwnWriteSeconds { get; set; } = 15;

    /// How often each instance looks at the replica.
    public double CheckIntervalSeconds { get; set; } = 1;

    public TimeSpan MaxLag => TimeSpan.FromSeconds(MaxLagSeconds);

    public TimeSpan OwnWrite => TimeSpan.FromSeconds(Math.Max(OwnWriteSeconds, MaxLagSeconds + 1));

    public TimeSpan CheckInterval => TimeSpan.FromSeconds(Math.Max(CheckIntervalSeconds, 0.1));
}
