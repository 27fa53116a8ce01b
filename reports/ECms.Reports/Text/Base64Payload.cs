using System.Buffers.Text;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ECms.Reports.Text;

/// <summary>
/// Letters travel as base64 inside the SOAP body; a reader needs their size and hash, not megabytes of text.
/// The hash is of the decoded bytes, so it can be compared with the file the operator attached.
/// </summary>
internal static partial class Base64Payload
{
    /// <summary>Long runs of the base64 alphabet in text that is not well-formed XML.</summary>
    public const int MinimumRunLength = 200;

    public static bool IsBinaryElement(string localName) => localName.EndsWith("BinaryObject", StringComparison.Ordinal);

    /// <summary>True for text that is long enough and valid enough to be a payload rather than a word.</summary>
    public static bool LooksLikePayload(string text) =>
        text.Length >= MinimumRunLength && Base64.IsValid(text.AsSpan().Trim(), out _);

    /// <summary>True for text this class wrote: a body redacted for sharing already carries the markers.</summary>
    public static bool IsElided(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.StartsWith("[base64:", StringComparison.Ordinal) || trimmed.StartsWith("[not valid base64:", StringComparison.Ordinal);
    }

    /// <summary><c>[base64: 1 234 bytes, sha256 …]</c>, or a note that the text is not valid base64.</summary>
    public static string Describe(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (Base64.IsValid(trimmed, out var length))
        {
            var bytes = new byte[length];
            if (Convert.TryFromBase64Chars(trimmed, bytes, out var written))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"[base64: {written:N0} bytes, sha256 {Hashing.Sha256Hex(bytes.AsSpan(0, written))}]");
            }
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"[not valid base64: {trimmed.Length:N0} characters, sha256 of the text {Hashing.Sha256Hex(trimmed.ToString())}]");
    }

    /// <summary>Elides every long base64 run in arbitrary text (the fallback for bodies that are not XML).</summary>
    public static string ElideRuns(string text) => Run().Replace(text, match => Describe(match.Value));

    [GeneratedRegex("[A-Za-z0-9+/]{200,}={0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Run();
}
