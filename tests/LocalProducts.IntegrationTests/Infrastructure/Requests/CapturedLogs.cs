using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace LocalProducts.IntegrationTests.Infrastructure.Requests;

/// Every event the site logs, kept for the test to read. The site's logger takes sinks from its
/// services (ReadFrom.Services), so a test site adds this one as an ILogEventSink.
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public static string? Source(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string source } ? source : null;

    /// The events whose message, rendered, contains the text; waits up to the timeout for the first one.
    public async Task<IReadOnlyList<LogEvent>> WaitForAsync(string text, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Events.Where(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(text, StringComparison.Ordinal)).ToList();
            if (found.Count > 0 || DateTime.UtcNow > until)
            {
                return found;
            }
            await Task.Delay(50);
        }
    }
}
