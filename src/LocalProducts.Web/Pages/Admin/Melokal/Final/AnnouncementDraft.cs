using System.Globalization;
using System.Text;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Final;

/// The draft news post prepared when a round is finalised: the winners with their prizes and a
/// link to the leaderboard. It is newsroom copy, written in Indonesian whatever language staff
/// use; editors rewrite and publish it.
public static class AnnouncementDraft
{
    public static async Task<Post> CreateAsync(
        AppDbContext db, InfluencerRound round, IReadOnlyList<RoundResult> results, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaignSlug = await db.Campaigns.Where(c => c.Id == round.CampaignId).Select(c => c.Slug).SingleAsync(cancellationToken);
        var title = Cut($"Pemenang Melokal: {round.Title}", Post.TitleMaxLength);
        var baseSlug = UniqueSlug.BaseOf(title, "pemenang-melokal");
        var taken = await db.Posts.Where(p => p.Slug == baseSlug || p.Slug.StartsWith(baseSlug + "-")).Select(p => p.Slug)
            .Concat(db.PostSlugRedirects.Where(r => r.Slug == baseSlug || r.Slug.StartsWith(baseSlug + "-")).Select(r => r.Slug))
            .ToListAsync(cancellationToken);
        var post = new Post
        {
            Slug = UniqueSlug.Choose(baseSlug, taken),
            Title = title,
            Lead = Cut($"Peringkat akhir {round.Title} sudah final. Inilah para pemenangnya.", Post.LeadMaxLength),
            Body = Body(round, results, $"/kampanye/{campaignSlug}/peringkat/{round.Slug}"),
            Author = by,
            Tags = ["melokal"],
            CampaignId = round.CampaignId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Posts.Add(post);
        return post;
    }

    public static string Body(InfluencerRound round, IReadOnlyList<RoundResult> results, string leaderboardPath)
    {
        var id = CultureInfo.GetCultureInfo("id-ID");
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture,
            $"Pemantauan {round.Title} berlangsung {Wib.FormatDate(round.WindowStartsOn, id)} sampai {Wib.FormatDate(round.WindowEndsOn, id)}. ");
        body.AppendLine("Peringkat disusun dari median tingkat interaksi kiriman setiap influencer.");
        body.AppendLine();
        var winners = results.Where(r => r.Rank is not null && r.Prize is not null).OrderBy(r => r.Rank).ToList();
        if (winners.Count == 0)
        {
            body.AppendLine("Putaran ini tidak memiliki pemenang berhadiah.");
        }
        else
        {
            body.AppendLine("## Pemenang");
            body.AppendLine();
            foreach (var w in winners)
            {
                var value = w.PrizeValueRupiah is > 0 ? $" ({new Rupiah(w.PrizeValueRupiah.Value)})" : "";
                body.Append(CultureInfo.InvariantCulture, $"{w.Rank}. **{Escape(w.Name)}**, {Escape(w.Handles)}: {Escape(w.Prize!)}{value}").AppendLine();
            }
        }
        body.AppendLine();
        body.Append(CultureInfo.InvariantCulture, $"[Lihat peringkat lengkap]({leaderboardPath})").AppendLine();
        return body.ToString();
    }

    // Names and handles are people's own text: Markdown in them stays text.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>' or '#')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max].TrimEnd() : text;
}
