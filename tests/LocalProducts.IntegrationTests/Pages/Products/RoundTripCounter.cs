using System.Collections.Concurrent;
using System.Diagnostics;

namespace LocalProducts.IntegrationTests.Pages.Products;

/// Counts the database round trips of one request: every command or batch Npgsql sends is an
/// activity of its "Npgsql" source; those under the request's trace (the W3C traceparent header
/// the request carries, which ASP.NET Core's hosting activity continues) are the request's.
public sealed class RoundTripCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> _statements = new();

    public RoundTripCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && _statements.TryGetValue(activity.TraceId, out var statements))
                {
                    statements.Enqueue(activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// GETs the path with a trace of its own and returns the response and the statements it sent.
    public async Task<(HttpResponseMessage Response, IReadOnlyList<string> Statements)> GetAsync(HttpClient client, string path)
    {
        var trace = ActivityTraceId.CreateRandom();
        var statements = _statements.GetOrAdd(trace, _ => new ConcurrentQueue<string>());
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        _statements.TryRemove(trace, out _);
        return (response, statements.ToList());
    }

    public void Dispose() => _listener.Dispose();
}
