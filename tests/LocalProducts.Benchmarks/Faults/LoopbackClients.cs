using System.Net;
using System.Net.Sockets;

namespace LocalProducts.Benchmarks.Faults;

/// Simulated clients, each connecting from its own loopback address (127.1.0.1, 127.1.0.2, …):
/// the socket is bound to the address before it connects, so nginx sees a distinct
/// <c>$remote_addr</c> per client and passes it on in X-Forwarded-For, and the site's per-address
/// limits and once-a-day marks apply as they would to real shoppers. Linux routes all of 127/8 to
/// the loopback interface, so no set-up is needed. Addresses in 127.0.0.x are never used: the
/// cluster's nginx connects to the instances from 127.0.0.2.
/// Runs against the same database must not share addresses (a click from an address already
/// counted today is not counted again): <paramref name="block"/> is the second byte to start from,
/// 1 for `faults load` and `soak max`, 128 for `soak run`.
internal sealed class LoopbackClients(Uri site, int block = 1)
{
    /// Addresses in one block (one value of the second byte).
    private const int PerBlock = 254 * 256;

    private int _next = ((block - 1) * PerBlock) - 1;
    private readonly int _first = (block - 1) * PerBlock;

    /// The n-th client address (n from 0): 127.1.0.1 … 127.1.0.254, 127.1.1.1 … (the last byte never 0 or 255).
    public static IPAddress AddressOf(int n)
    {
        var second = 1 + (n / PerBlock);
        if (second > 254)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "More clients than loopback addresses");
        }
        return new IPAddress([127, (byte)second, (byte)(n / 254 % 256), (byte)(1 + (n % 254))]);
    }

    /// A new client (a browser of its own: cookies, connections) from the next unused address.
    public HttpClient NextClient() => NewClient(site, AddressOf(Interlocked.Increment(ref _next)));

    /// How many addresses were handed out.
    public int Used => _next + 1 - _first;

    public static HttpClient NewClient(Uri site, IPAddress? from) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = from is null ? null : (context, cancellationToken) => ConnectFromAsync(from, context.DnsEndPoint, cancellationToken),
    })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(15),
    };

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress from, DnsEndPoint to, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // IP_BIND_ADDRESS_NO_PORT (SOL_IP 0, option 24): the port is chosen at connect time,
            // so each address has the whole range of ports (Linux).
            socket.SetRawSocketOption(0, 24, BitConverter.GetBytes(1));
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(to, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
