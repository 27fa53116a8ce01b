using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace ECms.Protocol.Wire;

/// <summary>
/// The only way XML from outside enters the project. No DTD processing, no resolver (so no external entity can
/// read a file or reach the network), strict UTF-8, and limits on size, depth, element and attribute counts that
/// are enforced while the tree is built, in one pass. Every failure is a <see cref="XmlLoadProblem"/>;
/// nothing thrown by the parser escapes.
/// </summary>
public static partial class SafeXmlLoader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static XmlLoadResult Load(ReadOnlyMemory<byte> bytes, XmlLimits? limits = null)
    {
        limits ??= XmlLimits.Default;
        if (bytes.Length == 0 || bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Fail(XmlLoadProblemKind.Empty, "The message body is empty; a SOAP 1.1 envelope was expected.");
        }

        if (bytes.Length > limits.MaxBytes)
        {
            return Fail(XmlLoadProblemKind.TooLarge,
                $"The message is {bytes.Length:N0} bytes, over the limit of {limits.MaxBytes:N0} bytes.");
        }

        if (bytes.Span.StartsWith(Utf8Bom))
        {
            // A UTF-8 byte order mark is legal; it is not content.
            bytes = bytes[Utf8Bom.Length..];
        }

        var span = bytes.Span;
        if (span.StartsWith(new byte[] { 0xFE, 0xFF }) || span.StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return Fail(XmlLoadProblemKind.NotUtf8, "The message is UTF-16; e-CMS messages must be UTF-8.");
        }

        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            return Fail(XmlLoadProblemKind.NotUtf8,
                $"The message is not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8Offset(span)}).");
        }

        var declared = DeclaredEncoding(span);
        if (declared is not null && !IsUtf8Name(declared))
        {
            return Fail(XmlLoadProblemKind.NotUtf8, $"The XML declaration names encoding \"{declared}\"; e-CMS messages must be UTF-8.");
        }

        try
        {
            using var reader = new LimitingXmlReader(CreateReader(bytes, limits), limits);
            var document = TreeBuilder.Build(reader);
            return new XmlLoadResult(document, null);
        }
        catch (XmlLimitExceededException limit)
        {
            return new XmlLoadResult(null, limit.Problem);
        }
        catch (Exception ex) when (ex is XmlException or DecoderFallbackException or InvalidOperationException)
        {
            return new XmlLoadResult(null, Describe(ex));
        }
    }

    private static XmlReader CreateReader(ReadOnlyMemory<byte> bytes, XmlLimits limits)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = limits.MaxBytes,
            CheckCharacters = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        var text = new StreamReader(new ReadOnlyMemoryStream(bytes), StrictUtf8, detectEncodingFromByteOrderMarks: false);
        return XmlReader.Create(text, settings);
    }

    private static XmlLoadResult Fail(XmlLoadProblemKind kind, string message) => new(null, new XmlLoadProblem(kind, message));

    private static XmlLoadProblem Describe(Exception ex)
    {
        if (ex is XmlException xml)
        {
            var kind = xml.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? XmlLoadProblemKind.DtdProhibited
                : XmlLoadProblemKind.NotWellFormed;
            var message = kind == XmlLoadProblemKind.DtdProhibited
                ? "The message contains a DTD (<!DOCTYPE …>); DTDs and entity declarations are refused."
                : $"The message is not well-formed XML: {XmlChars.Printable(xml.Message)}";
            return new XmlLoadProblem(kind, message, xml.LineNumber, xml.LinePosition);
        }

        return ex is DecoderFallbackException
            ? new XmlLoadProblem(XmlLoadProblemKind.NotUtf8, "The message is not valid UTF-8.")
            : new XmlLoadProblem(XmlLoadProblemKind.NotWellFormed, $"The message could not be read as XML: {XmlChars.Printable(ex.Message)}");
    }

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> span)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(span, new char[Math.Min(span.Length, 1 << 20)], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.InvalidData ? read : -1;
    }

    private static string? DeclaredEncoding(ReadOnlySpan<byte> span)
    {
        var head = Encoding.ASCII.GetString(span[..Math.Min(span.Length, 256)]);
        var match = EncodingDeclaration().Match(head);
        return match.Success ? match.Groups["name"].Value : null;
    }

    private static bool IsUtf8Name(string name) =>
        name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("""^\s*<\?xml[^>]*\bencoding\s*=\s*["'](?<name>[^"']+)["']""")]
    private static partial Regex EncodingDeclaration();
}

/// <summary>A loaded document, or the reason there is none.</summary>
public sealed record XmlLoadResult(XDocument? Document, XmlLoadProblem? Problem)
{
    public bool Succeeded => Document is not null;
}
