using LocalProducts.Web.Data;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LocalProducts.UnitTests.Data;

/// Outside a retrying read, EF Core's errors keep their level and their exception.
public sealed class RetriedReadLoggingTests
{
    [Fact]
    public void Error_OutsideAnyRetriedRead_StaysAnErrorWithItsException()
    {
        var written = new Written();
        var logger = new RetriedReadLogging.Logger(written);
        var failure = new NpgsqlException("Exception while reading from stream", new IOException("reset"));

        logger.Log(LogLevel.Error, new EventId(20004), "An error occurred using the connection", failure, (state, _) => state);

        var (level, exception, message) = Assert.Single(written.Lines);
        Assert.Equal(LogLevel.Error, level);
        Assert.Same(failure, exception);
        Assert.Equal("An error occurred using the connection", message);
    }

    private sealed class Written : ILogger
    {
        public List<(LogLevel Level, Exception? Exception, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, exception, formatter(state, exception)));
    }
}
