using System.Globalization;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Peer;

namespace ECms.Simulators.Benchmarks;

/// <summary>The agencies of the benchmark and the small letters they exchange.</summary>
internal static class Agencies
{
    public static string Id(int index) => string.Create(CultureInfo.InvariantCulture, $"99{index + 1:D3}00000");

    public static Letter SmallLetter(int from, int to, int number) => new()
    {
        LetterId = string.Create(CultureInfo.InvariantCulture, $"ทส {from}.{number}/2567"),
        CorrespondenceDate = WireFormats.FormatDate(WireFormats.ThaiToday(TimeProvider.System)),
        Subject = "ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี 2566 & 2567",
        Sender = Party.ForOrganization(Id(from), "ผู้อำนวยการกองทดสอบระบบ", "วรรณา", "ทดลองดี"),
        Receiver = Party.ForOrganization(Id(to)),
        SendDate = WireFormats.FormatDateTime(TimeProvider.System.GetUtcNow()),
        MainLetter = FakePeerAgency.SamplePdf("หนังสือทดสอบ"),
    };

    public static Notifier NotifierFor(NotifierKind kind, Letter letter, string? acceptId = null) =>
        new(kind, letter.LetterId, letter.CorrespondenceDate, letter.Subject, acceptId);
}
