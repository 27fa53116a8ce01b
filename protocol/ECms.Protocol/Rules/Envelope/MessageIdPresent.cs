using System.Globalization;
using System.Text.RegularExpressions;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Envelope;

/// <summary>
/// R-ENV-1: wsa:MessageID present and non-empty. It SHOULD be unique per request (a repeat warns in the strict
/// profile and informs in the lenient one, where "any text" is accepted, spec §2.1). The v1 manual recommends
/// <c>mid://yyyyMMdd.HHmmssSSS@name</c>; another form, or that form with an impossible or Buddhist-era time, is INFO.
/// </summary>
public sealed partial class MessageIdPresent : Rule
{
    public override string Id => "R-ENV-1";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "wsa:MessageID present, non-empty and unique";

    public override bool AppliesTo(Operation operation) => true;

    public override bool ReadsHubState => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Envelope is not { IsEnvelope: true } envelope)
        {
            yield break;
        }

        var ids = envelope.HeaderElements("MessageID").ToArray();
        if (ids.Length == 0)
        {
            yield return Violation("ไม่มี wsa:MessageID ในส่วนหัว SOAP", "The SOAP header has no wsa:MessageID.",
                envelope.Header is null ? "/Envelope" : XmlPaths.Of(envelope.Header));
            yield break;
        }

        var element = ids[0];
        var path = XmlPaths.Of(element);
        var value = element.Value.Trim();
        if (value.Length == 0)
        {
            yield return Violation("wsa:MessageID ว่างเปล่า", "wsa:MessageID is empty.", path, element.Value);
            yield break;
        }

        if (ids.Length > 1)
        {
            yield return Violation(RuleLevel.Should, $"ส่วนหัวมี wsa:MessageID {ids.Length} รายการ ควรมีเพียงหนึ่งเดียว",
                $"The header has {ids.Length} wsa:MessageID elements; it should have one.", XmlPaths.Of(ids[1]), ids[1].Value);
        }

        if (element.Name.LocalName != "MessageID" || element.Name.NamespaceName != EcmsNamespaces.Addressing)
        {
            yield return Violation(RuleLevel.Should,
                $"MessageID ควรเป็นองค์ประกอบ MessageID ใน namespace {EcmsNamespaces.Addressing} แต่พบ <{element.Name.LocalName}> ใน \"{element.Name.NamespaceName}\"",
                $"MessageID should be the element MessageID in {EcmsNamespaces.Addressing}, but is <{element.Name.LocalName}> in \"{element.Name.NamespaceName}\".",
                path, element.Name.ToString());
        }

        if (context.SeenMessageIds?.Contains(value) == true)
        {
            yield return Violation(context.IsStrict ? RuleLevel.Should : RuleLevel.Info,
                $"wsa:MessageID \"{value}\" เคยใช้กับคำขอก่อนหน้าแล้ว ควรไม่ซ้ำกันในแต่ละคำขอ",
                $"wsa:MessageID \"{value}\" was already used by an earlier request; it should be unique per request.",
                path, value);
        }

        var recommended = RecommendedForm().Match(value);
        if (!recommended.Success)
        {
            yield return Violation(RuleLevel.Info,
                $"wsa:MessageID \"{value}\" ไม่อยู่ในรูปแบบที่คู่มือแนะนำ mid://yyyyMMdd.HHmmssSSS@ชื่อ (ระบบ 2.0 ยอมรับข้อความใดก็ได้)",
                $"wsa:MessageID \"{value}\" is not in the manual's recommended form mid://yyyyMMdd.HHmmssSSS@name (2.0 accepts any text).",
                path, value);
        }
        else if (!DateTime.TryParseExact(recommended.Groups["time"].Value, "yyyyMMdd.HHmmssfff", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || time.Year >= 2400)
        {
            yield return Violation(RuleLevel.Info,
                $"เวลาใน wsa:MessageID \"{value}\" ไม่ใช่เวลาที่ถูกต้องตามปฏิทินสากล (ปี ค.ศ.)",
                $"The time inside wsa:MessageID \"{value}\" is not a valid Gregorian time (a Buddhist-era year?).",
                path, value);
        }
    }

    [GeneratedRegex("^mid://(?<time>[0-9]{8}\\.[0-9]{9})@.+$")]
    private static partial Regex RecommendedForm();
}
