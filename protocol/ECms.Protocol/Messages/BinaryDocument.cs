using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace ECms.Protocol.Messages;

/// <summary>
/// A file carried in a letter (ram:MainLetterBinaryObject / ram:AttachmentBinaryObject): its mimeCode and its
/// base64 text exactly as on the wire, so that invalid content stays representable and checkable.
/// </summary>
public sealed record BinaryDocument(string MimeCode, string ContentBase64)
{
    private const int ChunkChars = 64 * 1024;

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
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var pending = new char[ChunkChars + 4];
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkChars);
        var head = new List<byte>(8);
        long length = 0;
        var pendingCount = 0;
        var sawWhitespace = false;
        var sawPadding = false;
        try
        {
            foreach (var c in ContentBase64)
            {
                if (char.IsWhiteSpace(c))
                {
                    sawWhitespace = true;
                    continue;
                }

                if (sawPadding && c != '=')
                {
                    return Base64Inspection.Invalid(sawWhitespace);
                }

                sawPadding |= c == '=';
                pending[pendingCount++] = c;
                if (pendingCount == ChunkChars)
                {
                    if (!Flush(pending.AsSpan(0, pendingCount)))
                    {
                        return Base64Inspection.Invalid(sawWhitespace);
                    }

                    pendingCount = 0;
                }
            }

            if (pendingCount % 4 != 0 || !Flush(pending.AsSpan(0, pendingCount)))
            {
                return Base64Inspection.Invalid(sawWhitespace);
            }

            return new Base64Inspection(true, length, Convert.ToHexStringLower(hash.GetHashAndReset()), head.ToArray(), sawWhitespace);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        bool Flush(ReadOnlySpan<char> chars)
        {
            if (chars.IsEmpty)
            {
                return true;
            }

            if (Convert.TryFromBase64Chars(chars, bytes, out var written) is false)
            {
                return false;
            }

            hash.AppendData(bytes, 0, written);
            for (var i = 0; i < written && head.Count < 8; i++)
            {
                head.Add(bytes[i]);
            }

            length += written;
            return true;
        }
    }
}

/// <summary>What <see cref="BinaryDocument.Inspect"/> found: validity, decoded size, SHA-256 and the first bytes (magic).</summary>
public sealed record Base64Inspection(bool IsValid, long DecodedLength, string Sha256, byte[] Head, bool HasWhitespace)
{
    public static Base64Inspection Invalid(bool hasWhitespace) => new(false, 0, "", [], hasWhitespace);

    /// <summary>Decoded content starts with the PDF magic "%PDF-".</summary>
    public bool LooksLikePdf => Head.AsSpan().StartsWith("%PDF-"u8);
}
