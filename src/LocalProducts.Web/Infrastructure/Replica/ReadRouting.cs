namespace LocalProducts.Web.Infrastructure.Replica;

/// The one place that decides which database a request reads from. The replica serves anonymous
/// GET and HEAD requests while it is usable; everything else reads the primary: any write
/// (POST and the rest), anyone signed in (owners, staff, writers), and anyone who wrote in the
/// last few seconds (the <see cref="OwnWriteCookie"/>), so nobody misses their own edit. Decided
/// once per request: a request never reads from both.
public sealed class ReadRouting(ReplicaHealth health)
{
    /// Set after a successful write, by anyone (<see cref="OwnWriteMarker"/>); holds no personal data.
    public const string OwnWriteCookie = "baru-menulis";

    private static readonly object _decision = new();

    public bool ReadsFromReplica(HttpContext context)
    {
        if (context.Items.TryGetValue(_decision, out var decided))
        {
            return (bool)decided!;
        }
        var replica = (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.User.Identity?.IsAuthenticated != true
            && !context.Request.Cookies.ContainsKey(OwnWriteCookie)
            && health.IsUsable;
        context.Items[_decision] = replica;
        return replica;
    }
}
