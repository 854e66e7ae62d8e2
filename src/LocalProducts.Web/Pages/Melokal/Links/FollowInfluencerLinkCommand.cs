using System.Net;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure.ClientAddresses;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.Links;

public enum LinkTargetKind
{
    /// No such code.
    Unknown = 1,
    Product = 2,
    Maker = 3,
    /// The product and its maker are no longer shown.
    Gone = 4,
}

/// Where a short link leads: a path on this site, never an address from outside.
public sealed record LinkTarget(LinkTargetKind Kind, string? Path)
{
    public static readonly LinkTarget Unknown = new(LinkTargetKind.Unknown, null);
}

/// Someone followed an influencer's short link: count it and say where to send them. A click
/// counts once per client address, link and WIB day, as the marketplace redirect counts; no
/// cookie is set and nothing about the reader is stored (<see cref="OncePerDay"/> keeps a keyed
/// hash of the address until the day is over).
public sealed class FollowInfluencerLinkCommand(AppDbContext db, OncePerDay oncePerDay, TimeProvider clock)
{
    public const string ClickAction = "influencer-link-click";

    public async Task<LinkTarget> RunAsync(string code, IPAddress? clientAddress, CancellationToken cancellationToken)
    {
        if (!InfluencerLink.LooksLikeCode(code))
        {
            return LinkTarget.Unknown;
        }
        var link = await db.InfluencerLinks.AsNoTracking().Where(l => l.Code == code)
            .Select(l => new
            {
                ProductSlug = db.Products.Where(p => p.Id == l.ProductId && p.State == ProductState.Published).Select(p => p.Slug).FirstOrDefault(),
                // The maker of the link, or of the link's product.
                MakerSlug = db.Ikms.Where(i => (i.Id == l.IkmId || db.Products.Any(p => p.Id == l.ProductId && p.IkmId == i.Id))
                    && i.Verification == VerificationState.Verified).Select(i => i.Slug).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return LinkTarget.Unknown;
        }
        if (await oncePerDay.FirstTodayAsync(ClickAction, code, clientAddress, cancellationToken))
        {
            // One row per link and day; concurrent clicks add up in the database.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO influencer_link_clicks (code, day, clicks) VALUES ({code}, {Wib.Today(clock)}, 1)
                ON CONFLICT (code, day) DO UPDATE SET clicks = influencer_link_clicks.clicks + 1
                """, cancellationToken);
        }
        if (link.ProductSlug is not null)
        {
            return new(LinkTargetKind.Product, "/produk/" + Uri.EscapeDataString(link.ProductSlug));
        }
        return link.MakerSlug is not null
            ? new(LinkTargetKind.Maker, "/ikm/" + Uri.EscapeDataString(link.MakerSlug))
            : new(LinkTargetKind.Gone, null);
    }
}
