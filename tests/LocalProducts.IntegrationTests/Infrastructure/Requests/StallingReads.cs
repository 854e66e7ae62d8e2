using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LocalProducts.IntegrationTests.Infrastructure.Requests;

/// Holds every EF Core read of a request that carries <see cref="Header"/> until the client gives
/// up on it: a slow page, made only in the test host, whose client can leave in the middle.
public sealed class StallingReads(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Stall";

    /// Set when a read of a marked request is held.
    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (http.HttpContext is { } context && context.Request.Headers.ContainsKey(Header))
        {
            Holding.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        return result;
    }
}
