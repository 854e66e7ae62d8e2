using LocalProducts.Benchmarks.Faults;

namespace LocalProducts.Benchmarks.Soak;

/// The traffic of a day, one operation at a time: mostly anonymous reads (searches over the
/// catalogue's vocabulary, product and maker pages with a long tail, campaign pages, home and
/// lists) and a trickle of writes (outbound clicks, comments, event registrations, owners' edits),
/// sent through <see cref="MixedLoad"/>, whose writers keep what was acknowledged for the check.
internal sealed class SoakMix(SoakTargets targets, MixedLoad load, IReadOnlyList<Owner> owners)
{
    /// Shares in thousandths, in the order they are drawn; the writes add up to 5 %.
    public static readonly (string Kind, int PerMille)[] Shares =
    [
        ("search", 350), ("product", 280), ("maker", 100), ("campaign", 100), ("list", 120),
        ("click", 30), ("comment", 8), ("registration", 7), ("edit", 5),
    ];

    private static readonly string[] _lists = ["/", "/produk", "/ikm", "/kampanye", "/berita", "/acara"];

    private readonly Zipf _words = new(targets.Words.Count);
    private readonly Zipf _products = new(targets.Products.Count);
    private readonly Zipf _makers = new(targets.Makers.Count);
    private readonly Zipf _campaigns = new(targets.Campaigns.Count);
    private int _ownerTurn;

    /// The page the spike hammers: the most popular campaign.
    public string SpikePage => "/kampanye/" + targets.Campaigns[0];

    public Task Next(Random random)
    {
        var roll = random.Next(1000);
        foreach (var (kind, perMille) in Shares)
        {
            if (roll < perMille)
            {
                return Send(kind, random);
            }
            roll -= perMille;
        }
        return Send("list", random);
    }

    public Task Spike() => load.ReadAsync("spike", SpikePage);

    private Task Send(string kind, Random random) => kind switch
    {
        "search" => load.ReadAsync(kind, "/produk?q=" + Uri.EscapeDataString(Query(random))),
        "product" => load.ReadAsync(kind, "/produk/" + Zipf.Pick(targets.Products, _products, random)),
        "maker" => load.ReadAsync(kind, "/ikm/" + Zipf.Pick(targets.Makers, _makers, random)),
        "campaign" => load.ReadAsync(kind, "/kampanye/" + Zipf.Pick(targets.Campaigns, _campaigns, random)),
        "click" => load.ClickAsync(targets.Writes.Outbound[random.Next(targets.Writes.Outbound.Count)]),
        "comment" => load.CommentAsync(targets.Writes.PostSlugs[random.Next(targets.Writes.PostSlugs.Count)]),
        "registration" => load.RegisterAsync(targets.Writes.EventSlugs[random.Next(targets.Writes.EventSlugs.Count)]),
        "edit" => load.EditAsync(owners[Interlocked.Increment(ref _ownerTurn) % owners.Count]),
        _ => load.ReadAsync("list", _lists[random.Next(_lists.Length)]),
    };

    /// One word in five searches is a pair of words, each drawn from the long tail.
    private string Query(Random random)
    {
        var first = Zipf.Pick(targets.Words, _words, random);
        return random.Next(5) == 0 ? $"{first} {Zipf.Pick(targets.Words, _words, random)}" : first;
    }
}
