using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace LocalProducts.Web.Domain;

public enum CommentState
{
    /// Waits for staff: the commenter has no approved comment yet.
    Pending = 1,
    Approved = 2,
    Spam = 3,
}

/// A reader's comment on a post. The e-mail is never shown; it only recognises a commenter whose
/// comments staff approved before.
public sealed partial class Comment
{
    public const int MaxTextLength = 2000;
    /// Comments one address may send in <see cref="RateWindow"/>.
    public const int RateLimit = 3;
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(10);

    public int Id { get; private set; }
    public int PostId { get; init; }
    public Post? Post { get; private set; }
    public required string AuthorName { get; set; }
    public string? Email { get; set; }
    /// Lower-case e-mail, to find the commenter's earlier comments.
    public string? EmailKey { get; private set; }
    public required string Text { get; set; }
    public CommentState State { get; set; } = CommentState.Pending;
    /// A keyed hash of the sender's address (IPv6 by its /64) and the day (AddressHasher): enough
    /// to limit floods, not to trace anyone.
    public required string AddressHash { get; init; }
    public int Reports { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ModeratedAt { get; set; }
    public Guid? ModeratedBy { get; set; }
    public uint Version { get; private set; }

    public void NormaliseEmail()
    {
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        EmailKey = Email?.ToLowerInvariant();
    }

    /// SHA-256 of the code mailed to a returning commenter; the code itself is never stored.
    public string? ConfirmationHash { get; private set; }
    /// When the commenter followed the mailed link: the address is theirs.
    public DateTimeOffset? EmailConfirmedAt { get; private set; }

    /// A returning commenter (the e-mail has an approved comment) is shown without staff only
    /// once the mailed link proves the address is theirs: anyone can type anyone's address.
    /// Returns the code to mail, the only copy of it.
    public string AwaitEmailConfirmation()
    {
        if (EmailKey is null)
        {
            throw new InvalidOperationException("A comment without an e-mail address waits for staff.");
        }
        (var code, ConfirmationHash) = OneTimeCode.New();
        return code;
    }

    /// Whether the code is the one mailed (compared in constant time).
    public bool IsConfirmationCode(string? code) => OneTimeCode.Matches(ConfirmationHash, code);

    /// The commenter followed the link: a waiting comment is shown when the address still has an
    /// approved comment; the code is spent either way.
    public bool ConfirmEmail(DateTimeOffset now, bool addressStillApproved)
    {
        EmailConfirmedAt ??= now;
        ConfirmationHash = null;
        if (State == CommentState.Pending && addressStillApproved)
        {
            State = CommentState.Approved;
        }
        return State == CommentState.Approved;
    }

    public void Moderate(CommentState state, Guid staffId, DateTimeOffset now)
    {
        State = state;
        ModeratedBy = staffId;
        ModeratedAt = now;
        if (state == CommentState.Approved)
        {
            Reports = 0;
        }
    }

    /// The text as HTML: always encoded, paragraphs and line breaks kept; web addresses become
    /// links only once staff have approved the comment (and then marked nofollow, ugc).
    public static string ToHtml(string text, bool linksClickable)
    {
        var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var html = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            var encoded = WebUtility.HtmlEncode(paragraph);
            if (linksClickable)
            {
                encoded = WebAddress().Replace(encoded, m => $"<a href=\"{m.Value}\" rel=\"nofollow ugc noopener\">{m.Value}</a>");
            }
            html.Append("<p>").Append(encoded.Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }
        return html.ToString();
    }

    // Matched on encoded text: "&" is "&amp;" there, quotes and angle brackets cannot occur.
    [GeneratedRegex(@"https?://[^\s<>""']+[^\s<>""'.,;:!?)]", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
