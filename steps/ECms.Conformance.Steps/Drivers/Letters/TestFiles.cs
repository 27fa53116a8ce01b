using System.Text;
using ECms.Simulators.Peer;

namespace ECms.Conformance.Steps.Drivers.Letters;

/// <summary>Small but real files for letters: a PDF that passes magic-number checks, and DOCX, JPG and WebP look-alikes.</summary>
internal static class TestFiles
{
    public static byte[] Pdf(string title) => FakePeerAgency.SamplePdf(title).Decode();

    /// <summary>A zip local-file header, as every .docx starts.</summary>
    public static byte[] Docx(string title) => [0x50, 0x4B, 0x03, 0x04, .. Encoding.UTF8.GetBytes("word/document.xml " + title)];

    public static byte[] Jpeg(string title) => [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.UTF8.GetBytes("JFIF " + title), 0xFF, 0xD9];

    public static byte[] WebP(string title) => [.. "RIFF"u8, 0x10, 0, 0, 0, .. "WEBPVP8 "u8, .. Encoding.UTF8.GetBytes(title)];

    /// <summary>Plain text pretending to be a PDF (checklist C6).</summary>
    public static byte[] TextRenamedToPdf(string title) => Encoding.UTF8.GetBytes("บันทึกข้อความ (plain text, not a PDF): " + title);
}
