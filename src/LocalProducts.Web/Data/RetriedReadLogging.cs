using LocalProducts.Web.Infrastructure.Requests;

namespace LocalProducts.Web.Data;

/// EF Core logs a failed connection or query ("An error occurred using the connection", "An
/// exception occurred while iterating over the results of a query") at Error, with its stack
/// trace, as it fails: before its execution strategy decides what to do. When
/// <see cref="ReadRetryStrategy"/> will run the operation again, the failure is a passing fault the
/// reader never sees: this logger factory, given to EF Core alone, writes such a line as a
/// Warning, without the stack trace, saying what failed and that the read runs again. Failures that
/// are not retried (writes, the last attempt, anything outside the strategy) keep EF Core's line.
public sealed class RetriedReadLogging(ILoggerFactory loggers) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(loggers.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => loggers.AddProvider(provider);

    /// The host owns the factory this one writes through.
    public void Dispose()
    {
    }

    internal sealed class Logger(ILogger logger) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Error || ReadRetryStrategy.Running is not { } strategy)
            {
                logger.Log(logLevel, eventId, state, exception, formatter);
            }
            else if (exception is not null)
            {
                Write(exception, strategy.WillRetry(exception));
            }
            else
            {
                // EF Core's connection errors come without their exception: the strategy tells it.
                strategy.HoldLine(Write);
            }

            void Write(Exception? failure, bool retrying)
            {
                if (retrying && failure is not null)
                {
                    var cause = DatabaseOutage.Find(failure) ?? failure;
                    // EF Core's first line: some of its messages carry the whole exception after it.
                    var message = formatter(state, exception);
                    var firstLine = message.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0 ? message[..end].TrimEnd() : message;
                    logger.LogWarning(eventId, "{DatabaseFailure} The read runs again ({DatabaseError}: {DatabaseErrorMessage})",
                        firstLine, DatabaseOutage.Describe(cause), cause.Message);
                }
                else
                {
                    // With the exception, so that an outage's line is left to the request's own (RequestFaultLogFilter).
                    logger.Log(logLevel, eventId, state, exception ?? failure, formatter);
                }
            }
        }
    }
}
