namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// Wakes this instance's worker at once after an upload or a decision, instead of at its next poll.
public sealed class MetricImportSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// True when woken, false when the time ran out.
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
