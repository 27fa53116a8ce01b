namespace ECms.Protocol.Rules.Support;

/// <summary>
/// Recognises a file by its first bytes (magic numbers), so that a declared mimeCode can be compared with what was
/// actually sent (R-SEND-MAIN for the cover letter, R-DIR-2 for enclosures). Only unambiguous signatures are used:
/// plain text and other formats without one are never judged.
/// </summary>
internal static class FileSignatures
{
    private static readonly string[] Ooxml =
    [
        "application/zip", "application/x-zip-compressed",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
    ];

    private static readonly string[] OleCompound =
    [
        "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/vnd.ms-outlook",
    ];

    private static readonly Signature[] Known =
    [
        new("%PDF-"u8.ToArray(), "ไฟล์ PDF", "a PDF file", ["application/pdf"]),
        new([0x50, 0x4B, 0x03, 0x04], "ไฟล์ ZIP (รวมถึง docx/xlsx/pptx)", "a ZIP container (zip, docx, xlsx, pptx)", Ooxml),
        new([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "ไฟล์ Office รุ่นเก่า (doc/xls/ppt)", "a legacy Office file (doc, xls, ppt)", OleCompound),
        new([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "ภาพ PNG", "a PNG image", ["image/png"]),
        new([0xFF, 0xD8, 0xFF], "ภาพ JPEG", "a JPEG image", ["image/jpeg", "image/jpg", "image/pjpeg"]),
        new("GIF87a"u8.ToArray(), "ภาพ GIF", "a GIF image", ["image/gif"]),
        new("GIF89a"u8.ToArray(), "ภาพ GIF", "a GIF image", ["image/gif"]),
        new("II*\0"u8.ToArray(), "ภาพ TIFF", "a TIFF image", ["image/tiff"]),
        new("MM\0*"u8.ToArray(), "ภาพ TIFF", "a TIFF image", ["image/tiff"]),
        new(@"{\rtf"u8.ToArray(), "ไฟล์ RTF", "an RTF document", ["application/rtf", "text/rtf"]),
        new("MZ"u8.ToArray(), "โปรแกรม Windows (EXE/DLL)", "a Windows executable", []),
        new([0x7F, 0x45, 0x4C, 0x46], "โปรแกรม ELF", "an ELF executable", []),
        new("Rar!"u8.ToArray(), "ไฟล์ RAR", "a RAR archive", ["application/vnd.rar", "application/x-rar-compressed"]),
        new([0x1F, 0x8B], "ไฟล์ GZIP", "a gzip archive", ["application/gzip", "application/x-gzip"]),
        new([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "ไฟล์ 7-Zip", "a 7-Zip archive", ["application/x-7z-compressed"]),
        // RIFF containers say what they hold at bytes 8–11.
        new("RIFF"u8.ToArray(), "ภาพ WebP", "a WebP image", ["image/webp"], At: 8, Then: "WEBP"u8.ToArray()),
    ];

    /// <summary>
    /// Whether decoded content that starts with <paramref name="head"/> fits the declared type and the hub's list.
    /// Null when it fits or cannot be told.
    /// </summary>
    public static Issue? Judge(string field, string bareMimeCode, ReadOnlySpan<byte> head, CodeLists.CodeLists codeLists)
    {
        foreach (var (magic, th, en, contentTypes, at, then) in Known)
        {
            if (!head.StartsWith(magic) || (then is not null && (head.Length < at + then.Length || !head.Slice(at, then.Length).SequenceEqual(then))))
            {
                continue;
            }

            if (!contentTypes.Any(codeLists.IsAllowedContentType))
            {
                return Issue.Should(
                    $"{field} ระบุ mimeCode \"{bareMimeCode}\" แต่เนื้อหาเป็น{th} ซึ่งไม่อยู่ในรายการประเภทไฟล์ของ GetMimeCodes",
                    $"{field} is declared \"{bareMimeCode}\" but its content is {en}, a type not in the GetMimeCodes list.");
            }

            return contentTypes.Contains(bareMimeCode, StringComparer.OrdinalIgnoreCase)
                ? null
                : Issue.Should(
                    $"{field} ระบุ mimeCode \"{bareMimeCode}\" แต่เนื้อหาเป็น{th}",
                    $"{field} is declared \"{bareMimeCode}\" but its content is {en}.");
        }

        return null;
    }

    /// <param name="Magic">The first bytes.</param>
    /// <param name="At">Where <paramref name="Then"/>, a second part of the signature, starts (RIFF's WEBP at 8).</param>
    private sealed record Signature(byte[] Magic, string Th, string En, string[] ContentTypes, int At = 0, byte[]? Then = null);
}
