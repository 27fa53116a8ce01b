using System.Security.Cryptography;
using System.Text;

namespace ECms.Simulators.DevHub;

/// <summary>
/// The admin API's bearer token: 32 random bytes, base64url, printed at start-up. Compared in constant time over
/// SHA-256 digests, so neither the content nor the length of a guess shows in the response time.
/// </summary>
public sealed class AdminToken
{
    private readonly byte[] _digest;

    public AdminToken(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Length < 16)
        {
            throw new ArgumentException("An admin token must be at least 16 characters.", nameof(value));
        }

        Value = value;
        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    public string Value { get; }

    public static AdminToken Generate() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(_digest, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    public override string ToString() => "AdminToken(****)";
}
