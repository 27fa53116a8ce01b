using ECms.Conformance.Steps.Drivers.Letters;
using ECms.Protocol.Messages;

namespace ECms.Conformance.Steps.Drivers.Peer;

/// <summary>Shapes of letters the peer sends the SUT.</summary>
internal static class PeerLetters
{
    /// <summary>D2: two references, two enclosures and Thai text with the given special text in subject, description and enclosure note.</summary>
    public static Letter Rich(Letter letter, string special) => letter with
    {
        Subject = $"{letter.Subject} {special} ผลการดำเนินงาน",
        Description = $"รายละเอียด {special} ข้อสังเกต",
        AttachmentText = $"รายงาน {special} แบบฟอร์ม",
        References =
        [
            new LetterReference("ทบ 9902/455", "2024-05-20", "การจัดทำรายงานประจำปี"),
            new LetterReference("ทบ 9902/460", "2024-05-28", $"การประชุม {special} ติดตามผล"),
        ],
        Attachments =
        [
            BinaryDocument.FromBytes("application/pdf", TestFiles.Pdf("รายงาน " + letter.LetterId)),
            BinaryDocument.FromBytes("application/vnd.openxmlformats-officedocument.wordprocessingml.document", TestFiles.Docx(letter.LetterId)),
        ],
    };
}
