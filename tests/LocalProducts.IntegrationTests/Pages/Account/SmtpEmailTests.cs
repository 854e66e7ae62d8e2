using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LocalProducts.IntegrationTests.Pages.Account;

/// With Email:Smtp:Host set, the site sends through a real SMTP server (one the test runs on
/// loopback); when the server cannot be reached, the message is kept in the pickup folder and
/// the person's registration still completes.
public sealed class SmtpEmailTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Register_WithAnSmtpServer_SendsTheConfirmationThroughIt()
    {
        var port = FreePort();
        var received = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new RecordingStore(received));
        var server = new SmtpServer.SmtpServer(
            new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build(),
            services);
        var running = server.StartAsync(stop.Token);
        await using var smtpSite = WithSmtp(port);
        var email = Accounts.NewEmail("smtp");

        var response = await RegisterAsync(smtpSite, email);

        Accounts.AssertRedirectsTo(response, "/akun/periksa-email");
        var message = Assert.Single(received, m => m.Contains(email, StringComparison.Ordinal));
        Assert.Contains("/akun/konfirmasi?id=", message, StringComparison.Ordinal);
        Assert.Empty(site.Factory.MailTo(email));
        await stop.CancelAsync();
        server.Shutdown();
        await Task.WhenAny(running, Task.Delay(5000));
    }

    [Fact]
    public async Task Register_WhenTheSmtpServerIsDown_StillCompletes_AndKeepsTheMessage()
    {
        await using var smtpSite = WithSmtp(FreePort());
        var email = Accounts.NewEmail("smtp-mati");

        var response = await RegisterAsync(smtpSite, email);

        Accounts.AssertRedirectsTo(response, "/akun/periksa-email");
        Assert.Contains("/akun/konfirmasi?id=", Assert.Single(site.Factory.MailTo(email)), StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> WithSmtp(int port) =>
        site.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Email:Smtp:Security", "None");
        });

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class RecordingStore(ConcurrentQueue<string> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            // Quoted-printable or base64 bodies: MimeKit decodes them for the assertion.
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeKit.MimeMessage.Load(stream, cancellationToken);
            received.Enqueue($"{string.Join(',', message.To)}\n{message.TextBody}");
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
