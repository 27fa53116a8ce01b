using System.Buffers;
using System.Security.Cryptography;

namespace ECms.Protocol.Messages;

/// <summary>
/// A file carried in a letter (ram:MainLetterBinaryObject / ram:AttachmentBinaryObject): its mimeCode and its
/// base64 text exactly as on the wire, so that invalid content stays representable and checkable.
/// </summary>
public sealed record BinaryDocument(string MimeCode, string ContentBase64)
{
    // A multiple of 4, so every chunk but the last is whole base64 quanta.
    private const int ChunkChars = 64 * 1024;
    private static readonly SearchValues<char> Base64Whitespace = SearchValues.Create(" \t\r\n");

    public static BinaryDocument FromBytes(string mimeCode, ReadOnlySpan<byte> content) =>
        new(mimeCode, Convert.ToBase64String(content));

    /// <summary>The 2.0 client's empty placeholder attachment: no mimeCode and no content.</summary>
    public bool IsPlaceholder => MimeCode.Length == 0 && ContentBase64.Length == 0;

    public byte[] Decode() => Convert.FromBase64String(ContentBase64);

    /// <summary>
    /// Validates the base64 and measures the decoded size and SHA-256 in fixed-size chunks, so a 20 MB letter
    /// is checked without holding a second copy of its bytes. Embedded white space is tolerated but reported.
    /// </summary>
    public Base64Inspection Inspect()
    {
        var text = ContentBase64.AsSpan();
        var hasWhitespace = text.IndexOfAny(Base64Whitespace) >= 0;
        if (hasWhitespace)
        {
            // Rare (line-wrapped base64): strip it once, then take the same path.
            text = string.Concat(ContentBase64.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).AsSpan();
        }

        var firstPad = text.IndexOf('=');
        if (text.Length % 4 != 0 || (firstPad >= 0 && firstPad < text.Length - 2) || (firstPad >= 0 && text[^1] != '='))
        {
            return Base64Inspection.Invalid(hasWhitespace);
        }

        var bytes = ArrayPool<byte>.Shared.Rent(ChunkChars / 4 * 3);
        try
        {
            if (text.Length <= ChunkChars)
            {
                // The common case, a file of a few kilobytes: one decode and a one-shot hash.
                if (!Convert.TryFromBase64Chars(text, bytes, out var size))
                {
                    return Base64Inspection.Invalid(hasWhitespace);
                }

                var content = bytes.AsSpan(0, size);
                return new Base64Inspection(true, size, Convert.ToHexStringLower(SHA256.HashData(content)), content[..Math.Min(size, Base64Inspection.HeadBytes)].ToArray(), hasWhitespace);
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            byte[]? head = null;
            for (var offset = 0; offset < text.Length; offset += ChunkChars)
            {
                var chunk = text.Slice(offset, Math.Min(ChunkChars, text.Length - offset));
                if (!Convert.TryFromBase64Chars(chunk, bytes, out var written))
                {
                    return Base64Inspection.Invalid(hasWhitespace);
                }

                head ??= bytes.AsSpan(0, Math.Min(written, Base64Inspection.HeadBytes)).ToArray();
                hash.AppendData(bytes, 0, written);
                length += written;
            }

            return new Base64Inspection(true, length, Convert.ToHexStringLower(hash.GetHashAndReset()), head ?? [], hasWhitespace);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}

/// <summary>What <see cref="BinaryDocument.Inspect"/> found: validity, decoded size, SHA-256 and the first bytes (magic).</summary>
public sealed record Base64Inspection(bool IsValid, long DecodedLength, string Sha256, byte[] Head, bool HasWhitespace)
{
    /// <summary>How many leading bytes <see cref="Head"/> keeps: enough for every signature FileSignatures knows (WebP's is at bytes 8–11).</summary>
    public const int HeadBytes = 12;

    public static Base64Inspection Invalid(bool hasWhitespace) => new(false, 0, "", [], hasWhitespace);

    /// <summary>Decoded content starts with the PDF magic "%PDF-".</summary>
    public bool LooksLikePdf => Head.AsSpan().StartsWith("%PDF-"u8);

    /// <summary>Decoded content is a WebP image: a RIFF container ("RIFF" at 0) of type "WEBP" (at 8).</summary>
    public bool LooksLikeWebP => Head.Length >= 12 && Head.AsSpan().StartsWith("RIFF"u8) && Head.AsSpan(8, 4).SequenceEqual("WEBP"u8);
}
