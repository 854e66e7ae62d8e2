using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LocalProducts.Web.Data;

/// Counts, per DbContext, the commands sent that may change something: every non-query
/// (ExecuteSql, ExecuteUpdate/Delete), and readers or scalars whose statement is not a SELECT
/// (SaveChanges' INSERT … RETURNING). <see cref="ReadRetryStrategy"/> retries an operation only
/// when none was sent during it. One instance serves every context; the counts live beside them.
public sealed class WriteCommands : DbCommandInterceptor
{
    public static readonly WriteCommands Instance = new();

    private static readonly ConditionalWeakTable<DbContext, StrongBox<long>> _sent = [];

    private WriteCommands()
    {
    }

    /// How many commands that may write the context has sent so far.
    public static long SentBy(DbContext context) => _sent.TryGetValue(context, out var count) ? Interlocked.Read(ref count.Value) : 0;

    /// A statement that only reads: it starts, after comments (EF's tags) and white space, with SELECT.
    /// A SELECT of a function that writes goes through ExecuteSql, which always counts as a write.
    internal static bool IsRead(string sql)
    {
        var text = sql.AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var end = text.IndexOf('\n');
                text = end < 0 ? [] : text[(end + 1)..];
                continue;
            }
            if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                var end = text.IndexOf("*/", StringComparison.Ordinal);
                text = end < 0 ? [] : text[(end + 2)..];
                continue;
            }
            return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.Contains(" FOR UPDATE", StringComparison.OrdinalIgnoreCase);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        CountUnlessRead(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CountUnlessRead(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        CountUnlessRead(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        CountUnlessRead(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void CountUnlessRead(DbCommand command, CommandEventData eventData)
    {
        if (!IsRead(command.CommandText))
        {
            Count(eventData.Context);
        }
    }

    private static void Count(DbContext? context)
    {
        if (context is not null)
        {
            Interlocked.Increment(ref _sent.GetValue(context, _ => new StrongBox<long>()).Value);
        }
    }
}
