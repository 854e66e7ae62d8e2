using Serilog.Events;

namespace LocalProducts.Web.Infrastructure.Requests;

/// EF Core logs a failed query or connection as an error with its stack trace before the exception
/// reaches the request. When the fault is a database outage or a client that left, the request
/// logs it once, briefly (<see cref="RequestFaultMiddleware"/>), and a stack trace per request
/// during an outage would bury everything else. Background jobs log their own failures.
internal static class RequestFaultLogFilter
{
    private const string EntityFramework = "Microsoft.EntityFrameworkCore";

    public static bool IsRepeatOfRequestFault(LogEvent logEvent) =>
        logEvent.Exception is { } exception
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: string context }
        && context.StartsWith(EntityFramework, StringComparison.Ordinal)
        && (DatabaseOutage.IsOutage(exception) || IsCancellation(exception));

    private static bool IsCancellation(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is OperationCanceledException)
            {
                return true;
            }
        }
        return false;
    }
}
