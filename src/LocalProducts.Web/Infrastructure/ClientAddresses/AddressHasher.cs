using System.Net;
using System.Security.Cryptography;
using System.Text;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace LocalProducts.Web.Infrastructure.ClientAddresses;

/// A client address and a day as a keyed hash (HMAC-SHA256): enough to count per address without
/// keeping it. An unkeyed hash of an IPv4 address can be reversed by trying all 2^32 of them in
/// seconds; without the key, which lives only in the database and encrypted by the key ring, it
/// cannot. IPv6 addresses count by their /64, which one subscriber usually holds whole.
public sealed class AddressHasher(NpgsqlDataSource dataSource, IDataProtectionProvider dataProtection, ILogger<AddressHasher> logger) : IDisposable
{
    private const string SecretName = "address-hash";
    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    public async ValueTask<string> HashAsync(IPAddress? address, DateOnly day, CancellationToken cancellationToken)
    {
        var key = _key ?? await LoadKeyAsync(cancellationToken);
        var data = Encoding.UTF8.GetBytes($"{RateLimitKeys.ForAddress(address)}|{day:O}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, data));
    }

    public void Dispose() => _loading.Dispose();

    /// The first instance to need the key makes it; the others read it. A key that no longer
    /// decrypts (the key ring was lost) is replaced: only today's counts start again.
    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            var protector = dataProtection.CreateProtector("Melokal.AddressHash");
            for (var attempt = 0; _key is null && attempt < 5; attempt++)
            {
                var stored = await ReadAsync(cancellationToken);
                var fresh = Convert.ToBase64String(protector.Protect(RandomNumberGenerator.GetBytes(32)));
                if (stored is null)
                {
                    await ExecuteAsync("INSERT INTO site_secrets (name, protected_value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", fresh, null, cancellationToken);
                    continue;
                }
                try
                {
                    _key = protector.Unprotect(Convert.FromBase64String(stored));
                }
                catch (Exception ex) when (ex is CryptographicException or FormatException)
                {
                    logger.LogWarning(ex, "The address-hash key does not decrypt with the key ring; a new one replaces it");
                    await ExecuteAsync("UPDATE site_secrets SET protected_value = $2 WHERE name = $1 AND protected_value = $3", fresh, stored, cancellationToken);
                }
            }
            return _key ?? throw new InvalidOperationException("The address-hash key could not be stored in site_secrets.");
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT protected_value FROM site_secrets WHERE name = $1");
        command.Parameters.AddWithValue(SecretName);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task ExecuteAsync(string sql, string value, string? previous, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(SecretName);
        command.Parameters.AddWithValue(value);
        if (previous is not null)
        {
            command.Parameters.AddWithValue(previous);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
