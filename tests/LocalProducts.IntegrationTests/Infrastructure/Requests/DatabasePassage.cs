using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Npgsql;

namespace LocalProducts.IntegrationTests.Infrastructure.Requests;

/// A TCP passage on loopback between the site and PostgreSQL that a test can cut and mend: cut, it
/// resets every open connection and every new one, as a database that went away does; mended, it
/// passes connections through again. It can also lose one answer: the statement that carries a
/// given text reaches the database, which runs (and commits) it, and the connection breaks before
/// the answer comes back, the ambiguous failure a retry must not repeat blindly.
public sealed class DatabasePassage : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _database;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly Task _accepting;
    private volatile bool _cut;
    private int _refuseNext;
    private byte[]? _loseAnswerTo;

    public DatabasePassage(int databasePort)
    {
        _database = new IPEndPoint(IPAddress.Loopback, databasePort);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// The connection string that leads through the passage. Without SSL, so that a connection
    /// begins with its startup message (which <see cref="RefuseNextConnections"/> answers): with
    /// SslMode=Prefer, Npgsql first asks for SSL and, when a cut breaks the connection before the
    /// answer, silently opens it again without.
    public string ConnectionStringFor(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port, SslMode = SslMode.Disable }.ConnectionString;

    public void Cut()
    {
        _cut = true;
        foreach (var socket in _open.Keys)
        {
            Reset(socket);
        }
    }

    public void Mend() => _cut = false;

    /// The next <paramref name="count"/> new connections are refused as a database that is starting
    /// up refuses them: their startup message is answered with FATAL 57P03 and the connection
    /// closed. The ones after pass. (A plain reset is not enough: Npgsql sometimes opens such a
    /// connection again by itself, and the refusal would go unseen, depending on timing.)
    public void RefuseNextConnections(int count) => Volatile.Write(ref _refuseNext, count);

    /// The next statement sent with <paramref name="text"/> in it (a parameter's value) is passed
    /// on, and its connection is reset instead of its answer coming back. Once.
    public void LoseAnswerTo(string text) => Volatile.Write(ref _loseAnswerTo, System.Text.Encoding.UTF8.GetBytes(text));

    /// Whether the armed statement has been seen.
    public bool AnswerLost => Volatile.Read(ref _loseAnswerTo) is null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (_cut)
            {
                Reset(client);
                continue;
            }
            if (TakeRefusal())
            {
                _ = RefuseAsStartingUpAsync(client);
                continue;
            }
            _ = PassAsync(client);
        }
    }

    private async Task PassAsync(Socket client)
    {
        var database = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[database] = 0;
        try
        {
            await database.ConnectAsync(_database, _stop.Token);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var lose = new StrongBox<bool>();
            await Task.WhenAny(CopyAsync(client, database, lose, toDatabase: true, done.Token), CopyAsync(database, client, lose, toDatabase: false, done.Token));
            await done.CancelAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The passage was cut or closed.
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(database, out _);
            Reset(client);
            Reset(database);
        }
    }

    private async Task CopyAsync(Socket from, Socket to, StrongBox<bool> loseAnswer, bool toDatabase, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    return;
                }
                if (toDatabase && Volatile.Read(ref _loseAnswerTo) is { } text && buffer.AsSpan(0, read).IndexOf(text) >= 0
                    && Interlocked.CompareExchange(ref _loseAnswerTo, null, text) == text)
                {
                    Volatile.Write(ref loseAnswer.Value, true);
                }
                else if (!toDatabase && Volatile.Read(ref loseAnswer.Value))
                {
                    // The database answered; nobody hears it.
                    return;
                }
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // One side went away: the passage closes both.
        }
    }

    private bool TakeRefusal()
    {
        while (Volatile.Read(ref _refuseNext) is var left and > 0)
        {
            if (Interlocked.CompareExchange(ref _refuseNext, left - 1, left) == left)
            {
                return true;
            }
        }
        return false;
    }

    private async Task RefuseAsStartingUpAsync(Socket client)
    {
        try
        {
            // The startup message (no SSL request first: ConnectionStringFor).
            await ReadMessageAsync(client);
            var fields = System.Text.Encoding.UTF8.GetBytes("SFATAL\0VFATAL\0C57P03\0Mthe database system is starting up\0\0");
            var error = new byte[5 + fields.Length];
            error[0] = (byte)'E';
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(error.AsSpan(1), 4 + fields.Length);
            fields.CopyTo(error, 5);
            await client.SendAsync(error, SocketFlags.None, _stop.Token);
            client.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away first.
        }
        finally
        {
            client.Close();
        }
    }

    /// One length-prefixed message of the start of a connection (no type byte), read and dropped.
    private async Task ReadMessageAsync(Socket socket)
    {
        var length = new byte[4];
        await ReadExactlyAsync(socket, length);
        await ReadExactlyAsync(socket, new byte[System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(length) - 4]);
    }

    private async Task ReadExactlyAsync(Socket socket, Memory<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }
            buffer = buffer[read..];
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }
}
