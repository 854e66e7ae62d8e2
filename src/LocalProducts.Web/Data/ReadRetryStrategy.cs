using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace LocalProducts.Web.Data;

/// Retries what is safe to run twice after a transient database error (a broken pooled connection
/// after a restart, a server starting up, a serialization failure): an operation that only read,
/// outside a transaction. It never retries an operation that sent a write (SaveChanges,
/// ExecuteSql/Update/Delete: their commit may have happened before the connection broke, and a
/// second run would double a comment or a click), nor anything inside a transaction the code
/// opened (the transaction died with its connection; the command, not EF, knows what to redo),
/// nor a pool or connection timeout (waiting again makes the 503 slow). Such failures reach the
/// request as before and are answered 503 (RequestFaultMiddleware). Two retries, the first at
/// once on a fresh connection, the second after at most half a second.
public sealed class ReadRetryStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    public const int MaxRetries = 2;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    private readonly List<Action<Exception?, bool>> _heldLines = [];
    private bool _mayRetry;
    private long _writesAtStart;

    /// The strategy running the current operation, when it is one of these.
    internal static ReadRetryStrategy? Running => Current as ReadRetryStrategy;

    /// Whether this strategy will run its operation again after this failure (it has retries left).
    internal bool WillRetry(Exception exception) => ExceptionsEncountered.Count < MaxRetryCount && Retries(exception);

    /// A log line written before the failure reached the strategy and without its exception (EF
    /// Core's connection errors): written once the strategy knows whether it runs the operation
    /// again, with the exception and whether it does (<see cref="RetriedReadLogging"/>).
    internal void HoldLine(Action<Exception?, bool> write) => _heldLines.Add(write);

    protected override void OnFirstExecution()
    {
        var context = Dependencies.CurrentContext.Context;
        // The base class refuses to run in a transaction the code opened; here such work runs
        // once, without retries, instead.
        _mayRetry = context.Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null;
        _writesAtStart = WriteCommands.SentBy(context);
        ExceptionsEncountered.Clear();
        WriteHeldLines(null, retrying: false);
    }

    protected override bool ShouldRetryOn(Exception? exception)
    {
        var retries = exception is not null && Retries(exception);
        WriteHeldLines(exception, retrying: retries && ExceptionsEncountered.Count < MaxRetryCount);
        return retries;
    }

    private bool Retries(Exception exception) =>
        _mayRetry
        && WriteCommands.SentBy(Dependencies.CurrentContext.Context) == _writesAtStart
        && !IsTimeout(exception)
        && exception is not PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }
        && base.ShouldRetryOn(exception);

    private void WriteHeldLines(Exception? exception, bool retrying)
    {
        foreach (var write in _heldLines)
        {
            write(exception, retrying);
        }
        _heldLines.Clear();
    }

    /// An exhausted pool or a connection attempt that timed out: Npgsql wraps a TimeoutException.
    private static bool IsTimeout(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException)
            {
                return true;
            }
        }
        return false;
    }
}
