namespace LocalProducts.Web.Pages.Bench;

/// The no-database baseline for benchmarks; mapped only in the Benchmark environment.
public static class BenchEndpoints
{
    public const string Environment = "Benchmark";

    public static void MapBenchBaselines(this WebApplication app)
    {
        if (app.Environment.IsEnvironment(Environment))
        {
            app.MapGet("/bench/plain", () => Results.Text("Hello, Melokal!"));
        }
    }
}
