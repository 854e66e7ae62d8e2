using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LocalProducts.Web.Infrastructure.Accounts;

/// A log-in for an e-mail address that has no account costs and says what a log-in for a real one
/// does, so neither the time taken nor the messages tell who has an account: a password hash is
/// checked with the site's own hasher, and wrong passwords lock the address as Identity locks an
/// account (after MaxFailedAccessAttempts, for DefaultLockoutTimeSpan). The counts live in
/// rate_limit_windows (by the address's hash, shared by every instance) and are kept whether or
/// not rate limits are on: this is the lock-out, not a rate limit.
public sealed class UnknownAccountLogIns(
    IPasswordHasher<AppUser> hasher, NpgsqlDataSource dataSource, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    public const string FailuresBucket = "unknown-account-failures";
    public const string LockoutBucket = "unknown-account-lockout";

    /// Identity keeps an account's failure count until it locks or signs in; a day is near enough.
    private static readonly TimeSpan _failureWindow = TimeSpan.FromDays(1);

    /// One hash of a random password, made once by the same hasher: verifying against it costs
    /// what verifying a real account's password costs.
    private static string? _dummyHash;

    private const string IsLockedSql = """
        SELECT EXISTS (SELECT 1 FROM rate_limit_windows WHERE bucket = $1 AND "key" = $2 AND expires_at > $3)
        """;

    private const string FailSql = """
        INSERT INTO rate_limit_windows (bucket, "key", window_start, expires_at, hits) VALUES ($1, $2, $3, $4, 1)
        ON CONFLICT (bucket, "key", window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
        RETURNING hits
        """;

    /// The lock replaces the count, as Identity resets an account's count when it locks it.
    private const string LockSql = """
        WITH counted AS (DELETE FROM rate_limit_windows WHERE bucket = $1 AND "key" = $2)
        INSERT INTO rate_limit_windows (bucket, "key", window_start, expires_at, hits) VALUES ($3, $2, $4, $5, 1)
        ON CONFLICT (bucket, "key", window_start) DO NOTHING
        """;

    /// Spends the time of one password check, with nothing to find.
    public void CheckDummyPassword(string password)
    {
        var user = new AppUser();
        _dummyHash ??= hasher.HashPassword(user, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(user, _dummyHash, password);
    }

    /// A log-in for an address without an account: always a failure, or a lock-out exactly when a
    /// real account would be locked.
    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        CheckDummyPassword(password);
        var key = RateLimitKeys.ForEmail(email);
        var now = clock.GetUtcNow();
        await using (var locked = dataSource.CreateCommand(IsLockedSql))
        {
            locked.Parameters.AddWithValue(LockoutBucket);
            locked.Parameters.AddWithValue(key);
            locked.Parameters.AddWithValue(now);
            if ((bool)(await locked.ExecuteScalarAsync(cancellationToken))!)
            {
                return SignInResult.LockedOut;
            }
        }

        var start = FixedWindow.StartOf(now, _failureWindow);
        int failures;
        await using (var fail = dataSource.CreateCommand(FailSql))
        {
            fail.Parameters.AddWithValue(FailuresBucket);
            fail.Parameters.AddWithValue(key);
            fail.Parameters.AddWithValue(start);
            fail.Parameters.AddWithValue(start + _failureWindow);
            failures = (int)(await fail.ExecuteScalarAsync(cancellationToken))!;
        }
        var lockout = identity.Value.Lockout;
        if (failures < lockout.MaxFailedAccessAttempts)
        {
            return SignInResult.Failed;
        }
        await using (var lockCommand = dataSource.CreateCommand(LockSql))
        {
            lockCommand.Parameters.AddWithValue(FailuresBucket);
            lockCommand.Parameters.AddWithValue(key);
            lockCommand.Parameters.AddWithValue(LockoutBucket);
            lockCommand.Parameters.AddWithValue(now);
            lockCommand.Parameters.AddWithValue(now + lockout.DefaultLockoutTimeSpan);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        return SignInResult.LockedOut;
    }
}
