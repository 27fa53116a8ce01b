using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;

namespace ECms.Protocol.Tests.Rules;

/// <summary>The letter of spec §10.1 as the hub records it, in whatever state a case needs.</summary>
internal static class SpecLetter
{
    public const string LetterId = "ทส 9901.3/1187";
    public const string Date = "2024-06-11";
    public const string Subject = "ขอความอนุเคราะห์ข้อมูลสถิติการใช้บริการ ปี 2566 & 2567";
    public const string AcceptId = "รับ 2567/04512";

    public static LetterKey Key { get; } = new(Agencies.A, Agencies.B, LetterId, Date);

    public static LetterRecord In(LetterState state, string? acceptId = null) => new(Key, state, Subject, acceptId);
}
