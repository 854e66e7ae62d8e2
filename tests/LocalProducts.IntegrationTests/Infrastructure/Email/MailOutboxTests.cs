using System.Globalization;
using LocalProducts.IntegrationTests.Infrastructure.Requests;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog.Core;

namespace LocalProducts.IntegrationTests.Infrastructure.Email;

/// With Email:Smtp:Host set, every mail is written to the shared mail_outbox table, then sent at
/// once through a real SMTP server (one the test runs on loopback, ports 18250-18299). A refused
/// or unreachable server leaves the row for the outbox job, which sends it later, once, after
/// the wait; no mail is ever written to an instance's own folder.
public sealed class MailOutboxTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly CapturedLogs _logs = new();

    [Fact]
    public async Task Register_WithAnSmtpServer_SendsTheConfirmationAtOnce_AndMarksItSent()
    {
        await using var server = new TestSmtpServer(18250);
        await using var smtpSite = WithSmtp(18250);
        var email = Accounts.NewEmail("smtp");

        var response = await RegisterAsync(smtpSite, email);

        Accounts.AssertRedirectsTo(response, "/akun/periksa-email");
        var message = Assert.Single(server.ReceivedFor(email));
        Assert.Contains("/akun/konfirmasi?id=", message.TextBody, StringComparison.Ordinal);
        var row = await OutboxRowAsync(email);
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LastError);
        Assert.Equal($"outbox-{row.Id}@melokal.kemenperin.go.id", message.MessageId);
        Assert.Empty(site.Factory.MailTo(email));
    }

    [Fact]
    public async Task Register_WhenTheServerRefuses_StillCompletes_AndKeepsTheMailUnsentWithOneAttempt()
    {
        await using var server = new TestSmtpServer(18251) { Refusing = true };
        await using var smtpSite = WithSmtp(18251);
        var email = Accounts.NewEmail("smtp-tolak");
        var before = DateTimeOffset.UtcNow;

        var response = await RegisterAsync(smtpSite, email);

        Accounts.AssertRedirectsTo(response, "/akun/periksa-email");
        Assert.Empty(server.Received);
        var row = await OutboxRowAsync(email);
        Assert.Null(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("SmtpCommandException", row.LastError);
        // The first wait is a minute, plus at most six seconds of jitter.
        Assert.InRange(row.NextAttemptAt, before.AddMinutes(1), DateTimeOffset.UtcNow.AddMinutes(1).AddSeconds(6));
        Assert.Empty(site.Factory.MailTo(email));
        // The log names the mail and its subject, never the address.
        var warning = Assert.Single(await _logs.WaitForAsync($"\"SmtpCommandException\"), attempt 1", TimeSpan.FromSeconds(5)));
        Assert.Equal(row.Id, ((Serilog.Events.ScalarValue)warning.Properties["MailId"]).Value);
        Assert.DoesNotContain(_logs.Events, e => e.RenderMessage(CultureInfo.InvariantCulture).Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Register_WhenTheServerIsDown_StillCompletes_AndKeepsTheMailInTheOutbox()
    {
        // Nothing listens on this port.
        await using var smtpSite = WithSmtp(18252);
        var email = Accounts.NewEmail("smtp-mati");

        var response = await RegisterAsync(smtpSite, email);

        Accounts.AssertRedirectsTo(response, "/akun/periksa-email");
        var row = await OutboxRowAsync(email);
        Assert.Null(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.LastError);
        Assert.Contains("/akun/konfirmasi?id=", row.TextBody, StringComparison.Ordinal);
        Assert.Empty(site.Factory.MailTo(email));
    }

    [Fact]
    public async Task OutboxJob_WhenTheServerComesBack_SendsTheMailOnce_AfterTheWait()
    {
        await using var server = new TestSmtpServer(18253) { Refusing = true };
        await using var smtpSite = WithSmtp(18253);
        var email = Accounts.NewEmail("smtp-kembali");
        Accounts.AssertRedirectsTo(await RegisterAsync(smtpSite, email), "/akun/periksa-email");
        server.Refusing = false;

        // Thirty seconds later the minute's wait is not over: nothing goes.
        Assert.Equal(0, await SendDueAsync(smtpSite, TimeSpan.FromSeconds(30)));
        Assert.Empty(server.Received);
        Assert.Equal(1, (await OutboxRowAsync(email)).Attempts);

        // The job, two hours on (past its own interval, set to an hour here): sent, once.
        Assert.True(await Job(smtpSite, TimeSpan.FromHours(2)).RunIfDueAsync(CancellationToken.None));
        var message = Assert.Single(server.ReceivedFor(email));
        Assert.Contains("/akun/konfirmasi?id=", message.TextBody, StringComparison.Ordinal);
        var row = await OutboxRowAsync(email);
        Assert.NotNull(row.SentAt);
        Assert.Equal(2, row.Attempts);
        Assert.Null(row.LastError);

        // Later runs leave it alone.
        Assert.True(await Job(smtpSite, TimeSpan.FromHours(4)).RunIfDueAsync(CancellationToken.None));
        Assert.Single(server.ReceivedFor(email));
    }

    [Fact]
    public async Task TwoSendersAtOnce_OnTwoInstances_NeverSendOneMailTwice()
    {
        await using var server = new TestSmtpServer(18254) { DelayPerMessage = TimeSpan.FromMilliseconds(50) };
        await using var first = WithSmtp(18254);
        await using var second = WithSmtp(18254);
        _ = first.Services;
        _ = second.Services;
        var addresses = Enumerable.Range(0, 40).Select(i => Accounts.NewEmail($"antre{i}")).ToList();
        {
            var db = site.CreateDbContext(out var scope);
            using (scope)
            {
                var now = DateTimeOffset.UtcNow.AddSeconds(-1);
                db.OutboxMails.AddRange(addresses.Select(a => OutboxMail.Queue(a, "Uji antrean", "Halo", now)));
                await db.SaveChangesAsync();
            }
        }

        // Past the row lock, nothing else stops them: the job's advisory lock is not taken here.
        var sent = await Task.WhenAll(SendDueAsync(first, TimeSpan.Zero), SendDueAsync(second, TimeSpan.Zero));

        Assert.All(addresses, a => Assert.Single(server.ReceivedFor(a)));
        Assert.True(sent[0] > 0 && sent[1] > 0, $"both senders should have sent some (sent {sent[0]} and {sent[1]})");
        var db2 = site.CreateDbContext(out var scope2);
        using (scope2)
        {
            var rows = await db2.OutboxMails.AsNoTracking().Where(m => addresses.Contains(m.To)).ToListAsync();
            Assert.Equal(40, rows.Count);
            Assert.All(rows, r => Assert.True(r.SentAt is not null && r.Attempts == 1));
        }
    }

    [Fact]
    public async Task Purge_DeletesSentRowsAfterAWeek_AndGivenUpRowsAfterAMonth_NeverWaitingOnes()
    {
        await using var smtpSite = WithSmtp(18255);
        var now = DateTimeOffset.UtcNow;
        var sent = OutboxMail.Queue(Accounts.NewEmail("terkirim"), "Uji", "Halo", now);
        sent.Sent(now);
        var waiting = OutboxMail.Queue(Accounts.NewEmail("menunggu"), "Uji", "Halo", now);
        waiting.Failed("SocketException", now);
        var givenUp = OutboxMail.Queue(Accounts.NewEmail("menyerah"), "Uji", "Halo", now);
        for (var i = 0; i < OutboxMail.MaxAttempts; i++)
        {
            givenUp.Failed("SocketException", now);
        }
        {
            var db = site.CreateDbContext(out var scope);
            using (scope)
            {
                db.OutboxMails.AddRange(sent, waiting, givenUp);
                await db.SaveChangesAsync();
            }
        }
        var ids = new[] { sent.Id, waiting.Id, givenUp.Id };

        await PurgeAsync(smtpSite, TimeSpan.FromDays(8));
        Assert.Equal([waiting.Id, givenUp.Id], await RemainingAsync(ids));

        await PurgeAsync(smtpSite, TimeSpan.FromDays(31));
        Assert.Equal([waiting.Id], await RemainingAsync(ids));
    }

    private static async Task PurgeAsync(WebApplicationFactory<Program> smtpSite, TimeSpan ahead)
    {
        using var scope = smtpSite.Services.CreateScope();
        await ActivatorUtilities.CreateInstance<OutboxMailDelivery>(scope.ServiceProvider, new ShiftedClock(ahead)).PurgeAsync(CancellationToken.None);
    }

    private async Task<List<long>> RemainingAsync(long[] ids)
    {
        var db = site.CreateDbContext(out var scope);
        using (scope)
        {
            return await db.OutboxMails.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        }
    }

    private WebApplicationFactory<Program> WithSmtp(int port) =>
        site.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", port.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Email:Smtp:Security", "None");
            // The job in the background runs once at start; the tests run it themselves after that.
            builder.UseSetting("Email:Outbox:Interval", "01:00:00");
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_logs));
        });

    /// What the outbox job does in one run, without its advisory lock, on a clock moved ahead.
    private static async Task<int> SendDueAsync(WebApplicationFactory<Program> smtpSite, TimeSpan ahead)
    {
        using var scope = smtpSite.Services.CreateScope();
        var delivery = ActivatorUtilities.CreateInstance<OutboxMailDelivery>(scope.ServiceProvider, new ShiftedClock(ahead));
        return await delivery.SendDueAsync(50, CancellationToken.None);
    }

    private static MailOutboxJob Job(WebApplicationFactory<Program> smtpSite, TimeSpan ahead) =>
        new(smtpSite.Services.GetRequiredService<IServiceScopeFactory>(), new ShiftedClock(ahead),
            smtpSite.Services.GetRequiredService<IOptions<EmailOptions>>(), smtpSite.Services.GetRequiredService<ILogger<MailOutboxJob>>());

    private async Task<OutboxMail> OutboxRowAsync(string email)
    {
        var db = site.CreateDbContext(out var scope);
        using (scope)
        {
            return await db.OutboxMails.AsNoTracking().SingleAsync(m => m.To == email);
        }
    }

    private static async Task<HttpResponseMessage> RegisterAsync(WebApplicationFactory<Program> smtpSite, string email)
    {
        using var client = smtpSite.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetPageAsync("/akun/daftar");
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Surat Uji",
            ["Input.Email"] = email,
            ["Input.Password"] = Accounts.GoodPassword,
            ["Input.ConfirmPassword"] = Accounts.GoodPassword,
        });
    }

    /// The system clock moved ahead: the job finds its interval passed and the mail due.
    private sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}
