using System.Text.RegularExpressions;

namespace LocalProducts.IntegrationTests.MultiInstance;

/// Three instances check every second whether a job is due (ScheduledJobs:CheckEvery); the
/// advisory lock and the shared last run let exactly one of them run it.
[Collection(ClusterTestGroup.Name)]
public sealed partial class ScheduledJobAcrossInstancesTests(ClusterFixture cluster)
{
    private const string Job = "orphan-images";

    [Fact]
    public async Task DueJob_RunsOnceAcrossThreeInstances_EachTimeItIsDue()
    {
        const int times = 3;
        var before = RunsLogged();
        for (var i = 0; i < times; i++)
        {
            // Due again: its last run an hour and more ago (the job runs hourly).
            var marked = DateTimeOffset.UtcNow.AddHours(-2);
            await cluster.ExecuteAsync("UPDATE scheduled_job_runs SET last_run_at = $1 WHERE name = $2", marked, Job);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (await cluster.ScalarAsync<DateTime>("SELECT last_run_at FROM scheduled_job_runs WHERE name = $1", Job) <= marked.UtcDateTime)
            {
                Assert.True(DateTime.UtcNow < deadline, "No instance ran the due job within 10 s");
                await Task.Delay(100);
            }
            // Two more checks by every instance: none of them may run it again.
            await Task.Delay(TimeSpan.FromSeconds(2.5));
        }

        var after = RunsLogged();
        Assert.Equal(times, after.Sum() - before.Sum());
    }

    private int[] RunsLogged() =>
        [.. Enumerable.Range(1, 3).Select(n => JobRan().Count(cluster.LogOf(n)))];

    [GeneratedRegex("Scheduled job \"?orphan-images\"? ran")]
    private static partial Regex JobRan();
}
