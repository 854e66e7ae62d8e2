using System.Diagnostics;

namespace LocalProducts.Benchmarks.Bench;

/// What one open-loop run saw. Latencies (ms) of the successful calls, each measured from the
/// time the call was scheduled, not from when it was sent.
internal sealed record OpenLoopResult(double[] Latencies, int Scheduled, int Errors, string? FirstError, double MaxDispatchLate, double P99DispatchLate);

/// A fixed arrival rate, open loop: call i is scheduled at start + i / rate whether or not the
/// earlier calls have finished, and its latency counts from that scheduled time. A slow call
/// therefore cannot hold back the calls behind it and hide their waiting (no coordinated omission).
internal static class OpenLoop
{
    /// How long calls still running at the end may take before they are cancelled and counted as errors.
    private static readonly TimeSpan _drainLimit = TimeSpan.FromSeconds(15);

    public static async Task<OpenLoopResult> RunAsync(Func<int, CancellationToken, Task> call, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var count = (int)Math.Round(duration.TotalSeconds * rate);
        var interval = Stopwatch.Frequency / rate;
        var latencies = new double[count];
        Array.Fill(latencies, double.NaN);
        var dispatchLate = new double[count];
        var calls = new Task[count];
        string? firstError = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A thread of its own, so a busy thread pool cannot delay the schedule.
        var scheduler = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 50;
            for (var i = 0; i < count; i++)
            {
                if (stop.IsCancellationRequested)
                {
                    calls[i] = Task.CompletedTask;
                    continue;
                }
                var due = start + (long)(i * interval);
                WaitUntil(due);
                dispatchLate[i] = Milliseconds(Stopwatch.GetTimestamp() - due);
                var index = i;
                calls[i] = Task.Run(async () =>
                {
                    try
                    {
                        await call(index, stop.Token);
                        latencies[index] = Milliseconds(Stopwatch.GetTimestamp() - due);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        Interlocked.CompareExchange(ref firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                    }
                });
            }
            scheduled.SetResult();
        })
        { IsBackground = true, Name = "open-loop scheduler" };
        scheduler.Start();
        await scheduled.Task;

        var all = Task.WhenAll(calls);
        if (await Task.WhenAny(all, Task.Delay(_drainLimit, cancellationToken)) != all)
        {
            await stop.CancelAsync();
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
        }
        cancellationToken.ThrowIfCancellationRequested();

        var sortedLate = dispatchLate.Order().ToArray();
        return new OpenLoopResult(
            latencies.Where(l => !double.IsNaN(l)).ToArray(),
            count,
            count - latencies.Count(l => !double.IsNaN(l)),
            firstError,
            sortedLate.Length == 0 ? 0 : sortedLate[^1],
            sortedLate.Length == 0 ? 0 : LatencySummary.Percentile(sortedLate, 99));
    }

    /// Sleeps until a millisecond before, then yields until the moment: precise to a few
    /// microseconds, at the cost of about 5 % of one core at 50 calls a second.
    private static void WaitUntil(long due)
    {
        while (true)
        {
            var remaining = due - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }
            var milliseconds = remaining * 1000 / Stopwatch.Frequency;
            if (milliseconds >= 2)
            {
                Thread.Sleep((int)milliseconds - 1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
