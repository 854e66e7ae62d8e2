namespace LocalProducts.Web.Infrastructure.Accounts;

/// What makes a long password still easy to guess, after NIST SP 800-63B: not composition rules
/// (they lead to "Password1!") but a minimum length, a few unique characters, and a refusal of
/// the passwords attackers try first. Identity checks length and unique characters; this checks
/// the rest.
public static class PasswordRules
{
    public enum Problem
    {
        /// A well-known password, or a common word with only digits and symbols around it.
        Common,
        /// Keyboard rows, runs like 1234567890, or one short pattern repeated.
        Pattern,
        /// Mostly the account's own e-mail name or display name.
        Personal,
    }

    /// Left after removing the personal parts, fewer than this many characters is too little.
    private const int MinimumOwnPart = 6;

    private static readonly HashSet<string> _commonPasswords = new(StringComparer.Ordinal)
    {
        "1234567890", "0987654321", "1q2w3e4r5t", "1qaz2wsx3edc", "qwertyuiop", "asdfghjkl;", "zxcvbnm123", "qwerty1234",
        "1234qwer!@", "iloveyou12", "p@ssw0rd123", "passw0rd12", "abcd1234!@", "aa12345678", "a123456789", "123456789a",
        "q1w2e3r4t5", "1a2b3c4d5e", "abc123abc1",
    };

    // Words people build passwords from, in English and Indonesian, and this site's own names.
    private static readonly HashSet<string> _commonWords = new(StringComparer.Ordinal)
    {
        "password", "passw", "pass", "qwerty", "qwertyuiop", "asdf", "asdfghjkl", "zxcvbnm", "abc", "abcdef", "iloveyou",
        "admin", "administrator", "welcome", "letmein", "login", "user", "test", "master", "monkey", "dragon", "sunshine",
        "princess", "football", "secret", "changeme",
        "sandi", "katasandi", "rahasia", "sayang", "sayangku", "cinta", "bismillah", "indonesia", "merdeka", "garuda", "jakarta",
        "surabaya", "bandung", "makassar", "medan", "kopi", "batik",
        "melokal", "kemenperin", "perindustrian", "ikm", "umkm", "bangga", "banggabuatanindonesia",
    };

    private static readonly string[] _sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba", "01234567890", "09876543210",
        "qwertyuiop", "poiuytrewq", "asdfghjkl", "lkjhgfdsa", "zxcvbnm", "mnbvcxz",
    ];

    public static IReadOnlyList<Problem> Check(string password, string? email = null, string? displayName = null)
    {
        var problems = new List<Problem>();
        var lower = password.ToLowerInvariant();
        var letters = new string([.. lower.Where(char.IsLetter)]);
        if (_commonPasswords.Contains(lower) || _commonWords.Contains(letters) || (letters.Length == 0 && lower.All(char.IsDigit)))
        {
            problems.Add(Problem.Common);
        }
        if (IsRepeated(lower) || _sequences.Any(sequence => sequence.Contains(lower, StringComparison.Ordinal)))
        {
            problems.Add(Problem.Pattern);
        }
        var personal = PersonalParts(email, displayName).ToList();
        if (personal.Count > 0 && personal.Any(part => lower.Contains(part, StringComparison.Ordinal)) && OwnPartLength(lower, personal) < MinimumOwnPart)
        {
            problems.Add(Problem.Personal);
        }
        return problems;
    }

    /// One short unit said again and again: "aaaaaaaaaa", "abcabcabcabc", "12121212121".
    private static bool IsRepeated(string password)
    {
        for (var unit = 1; unit <= 4 && unit < password.Length; unit++)
        {
            var pattern = password[..unit];
            var repeated = true;
            for (var i = unit; i < password.Length && repeated; i++)
            {
                repeated = password[i] == pattern[i % unit];
            }
            if (repeated)
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<string> PersonalParts(string? email, string? displayName)
    {
        var local = email?.Split('@')[0].ToLowerInvariant() ?? "";
        var parts = new List<string> { local };
        parts.AddRange(local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries));
        parts.AddRange((displayName ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return parts.Where(part => part.Length >= 3).Distinct().OrderByDescending(part => part.Length);
    }

    /// Letters and digits left once the personal parts are taken out.
    private static int OwnPartLength(string password, IEnumerable<string> personalParts)
    {
        var rest = password;
        foreach (var part in personalParts)
        {
            rest = rest.Replace(part, "", StringComparison.Ordinal);
        }
        return rest.Count(char.IsLetterOrDigit);
    }
}
