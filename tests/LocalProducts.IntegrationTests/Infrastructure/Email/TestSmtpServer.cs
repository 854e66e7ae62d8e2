using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LocalProducts.IntegrationTests.Infrastructure.Email;

/// A real SMTP server on loopback for one test: it keeps what it receives, and while
/// <see cref="Refusing"/> it answers MAIL FROM with 554, as a server does that will not take mail
/// from the site right now.
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private volatile bool _refusing;

    public TestSmtpServer(int port)
    {
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new RecordingStore(this));
        services.Add(new RefusingFilter(this));
        _server = new SmtpServer.SmtpServer(
            new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build(),
            services);
        _running = _server.StartAsync(_stop.Token);
    }

    public bool Refusing
    {
        get => _refusing;
        set => _refusing = value;
    }

    /// How long the server takes over each message: lets two senders overlap.
    public TimeSpan DelayPerMessage { get; set; }

    public IReadOnlyList<MimeMessage> Received => [.. _received];

    public IReadOnlyList<MimeMessage> ReceivedFor(string address) =>
        [.. _received.Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        await Task.WhenAny(_running, Task.Delay(5000));
        _stop.Dispose();
        foreach (var message in _received)
        {
            message.Dispose();
        }
    }

    private sealed class RecordingStore(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.DelayPerMessage > TimeSpan.Zero)
            {
                await Task.Delay(server.DelayPerMessage, cancellationToken);
            }
            using var stream = new MemoryStream(buffer.ToArray());
            server._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class RefusingFilter(TestSmtpServer server) : MailboxFilter
    {
        public override Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            server.Refusing
                ? throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.7.1 not now"))
                : Task.FromResult(true);
    }
}
