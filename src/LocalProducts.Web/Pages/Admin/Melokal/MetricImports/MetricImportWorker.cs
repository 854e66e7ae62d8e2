namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// Runs the imports in the background on every instance: woken by an upload on this instance,
/// otherwise polling for imports uploaded elsewhere or abandoned by a stopped instance.
public sealed class MetricImportWorker(MetricImportRunner runner, MetricImportSignal signal, ILogger<MetricImportWorker> logger) : BackgroundService
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away for a moment; the next poll tries again.
                logger.LogError(ex, "Metric imports could not be run");
            }
            await signal.WaitAsync(PollEvery, stoppingToken);
        }
    }
}
