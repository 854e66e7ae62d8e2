namespace LocalProducts.Web.Infrastructure.RateLimiting;

/// At most <see cref="PermitLimit"/> hits per key in each window of <see cref="Window"/>.
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}

/// The answer for one hit: allowed or not, and when the window ends.
public sealed record RateLimitDecision(bool Allowed, int Hits, int PermitLimit, DateTimeOffset WindowEnds)
{
    public static RateLimitDecision Unlimited { get; } = new(true, 0, int.MaxValue, DateTimeOffset.MaxValue);
}

/// The buckets the site limits. A bucket names what is counted; each has a rule in
/// <see cref="RateLimitOptions"/> (defaults here, overridable under RateLimits:Rules:{bucket}).
public static class RateLimitBuckets
{
    /// Log-in POSTs per client address.
    public const string LogIn = "log-in";
    /// Failed log-ins per e-mail address (its hash), whatever address they come from. Successes
    /// are not counted, and past the limit attempts are slowed, not refused: see
    /// <see cref="RateLimitOptions.LogInDelayFor"/>.
    public const string LogInAccount = "log-in-account";
    /// Second-step codes (authenticator or recovery) per client address.
    public const string TwoFactor = "two-factor";
    public const string Register = "register";
    public const string ResendConfirmation = "resend-confirmation";
    public const string ForgotPassword = "forgot-password";
    public const string ResetPassword = "reset-password";
    /// Account e-mails to one address: nobody can use the site to flood someone's inbox.
    public const string MailToAddress = "mail-to-address";
    /// Image uploads per signed-in person (owners, writers, staff).
    public const string Uploads = "uploads";
    /// Event sign-ups per client address, and per e-mail address (each one sends an e-mail).
    public const string EventRegistration = "event-registration";
    public const string EventRegistrationEmail = "event-registration-email";
    /// Melokal round sign-ups per client address, and per e-mail address (each one sends an e-mail).
    public const string MelokalSignUp = "melokal-sign-up";
    public const string MelokalSignUpEmail = "melokal-sign-up-email";
    /// Listing reports per client address, and per client address and listing (the key holds both).
    public const string ListingReport = "listing-report";
    public const string ListingReportProduct = "listing-report-product";

    public static IReadOnlyDictionary<string, RateLimitRule> Defaults() => new Dictionary<string, RateLimitRule>(StringComparer.Ordinal)
    {
        // One office or a training venue can sit behind one address: per-address limits leave room
        // for a room full of people; the per-account limit and Identity's lockout guard each account.
        [LogIn] = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(5) },
        [LogInAccount] = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) },
        [TwoFactor] = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(5) },
        [Register] = new() { PermitLimit = 20, Window = TimeSpan.FromHours(1) },
        [ResendConfirmation] = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) },
        [ForgotPassword] = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) },
        [ResetPassword] = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(15) },
        [MailToAddress] = new() { PermitLimit = 5, Window = TimeSpan.FromHours(1) },
        [Uploads] = new() { PermitLimit = Images.ImageRules.UploadsPerHour, Window = TimeSpan.FromHours(1) },
        // A school or a community group may sign up together from one address.
        [EventRegistration] = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(15) },
        [EventRegistrationEmail] = new() { PermitLimit = 3, Window = TimeSpan.FromHours(1) },
        // A "ngobrol santai" ends with a room of influencers signing up on the venue's network.
        [MelokalSignUp] = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(15) },
        [MelokalSignUpEmail] = new() { PermitLimit = 3, Window = TimeSpan.FromHours(1) },
        // Reports are anonymous: these limits are what keeps one person from flooding staff's queue.
        [ListingReport] = new() { PermitLimit = 5, Window = TimeSpan.FromHours(1) },
        [ListingReportProduct] = new() { PermitLimit = 2, Window = TimeSpan.FromDays(1) },
    };
}

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// Off only where every client shares one address on purpose (the test suite's shared site).
    public bool Enabled { get; set; } = true;

    /// Past the per-account limit of failed log-ins, each attempt waits this long before its
    /// password is checked, doubled for every further failure, up to <see cref="LogInDelayMax"/>.
    public TimeSpan LogInDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan LogInDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// Growing delays rather than a refusal: whoever sends wrong passwords for someone else's
    /// address cannot keep them out, only slow every attempt, theirs included.
    public TimeSpan LogInDelayFor(RateLimitDecision failures)
    {
        if (failures.Hits < failures.PermitLimit)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(failures.Hits - failures.PermitLimit, 20);
        var delay = LogInDelay * Math.Pow(2, doublings);
        return delay < LogInDelayMax ? delay : LogInDelayMax;
    }

    /// Rules by bucket; a bucket missing here uses its default.
    public Dictionary<string, RateLimitRule> Rules { get; } = new(StringComparer.Ordinal);

    public RateLimitRule RuleFor(string bucket) =>
        Rules.TryGetValue(bucket, out var rule) && rule.PermitLimit > 0 && rule.Window > TimeSpan.Zero
            ? rule
            : RateLimitBuckets.Defaults().TryGetValue(bucket, out var fallback)
                ? fallback
                : throw new InvalidOperationException($"No rate-limit rule for bucket '{bucket}'.");
}
