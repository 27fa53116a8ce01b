using System.Xml.Linq;
using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;
using static ECms.Protocol.Rules.Support.ElementShape;

namespace ECms.Protocol.Rules.Notifier;

/// <summary>
/// R-NTF-1 (spec §5.2): the outbound wrapper holds one of the five notifiers, whose fields are LetterID, [AcceptID
/// for AcceptLetter and InvalidAcceptID only, R-HUB-7], CorrespondenceDate, Subject — in that order, nothing extra
/// (AcceptDate and AcceptDepartment are the hub's to add). LetterID and Subject are not blank and the date passes
/// the same date check as every other date. A wrapper child that is neither a letter nor a notifier is named here.
/// </summary>
public sealed class NotifierStructure : Rule
{
    private const string Section = "§5.2";

    public override string Id => "R-NTF-1";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Notifier is one of five; fields LetterID, [AcceptID], CorrespondenceDate, Subject";

    public override bool AppliesTo(Operation operation) => operation == Operation.Unknown || operation.IsNotifier();

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (context.Envelope?.OperationElement is not { Name.LocalName: OperationNames.OutboundRequest } wrapper
            || wrapper.Elements().FirstOrDefault() is not { } notifier
            || notifier.Name.LocalName == OperationNames.GovernmentDocument)
        {
            return [];
        }

        if (!OperationNames.TryParseNotifier(notifier.Name.LocalName, out var kind))
        {
            return [NotANotifier(notifier)];
        }

        var findings = ShapeCheck.Check(wrapper, ShapeFor(kind), Section)
            .Select(p => Violation(p.MessageTh, p.MessageEn, p.Path, p.Value))
            .ToList();
        findings.AddRange(CheckValues(notifier, context));
        return findings;
    }

    internal static ElementShape ShapeFor(NotifierKind kind) => Sequence(OperationNames.OutboundRequest, null, 1, 1,
        Sequence(kind.ElementName(), null, 1, 1,
        [
            Text("LetterID"),
            .. kind.CarriesAcceptId() ? [Text("AcceptID")] : Array.Empty<ElementShape>(),
            Text("CorrespondenceDate"),
            Text("Subject"),
        ]));

    private IEnumerable<Finding> CheckValues(XElement notifier, RuleContext context)
    {
        foreach (var name in new[] { "LetterID", "Subject" })
        {
            if (EcmsReader.Child(notifier, name) is { } field && WireText.IsBlank(field.Value))
            {
                yield return Violation($"{name} ของ <{notifier.Name.LocalName}> ว่างเปล่า ต้องเท่ากับค่าของหนังสือต้นเรื่อง",
                    $"{name} of <{notifier.Name.LocalName}> is empty; it must echo the original letter's.", XmlPaths.Of(field), field.Value);
            }
        }

        if (EcmsReader.Child(notifier, "CorrespondenceDate") is { } date && WireDates.CheckDate("CorrespondenceDate", date.Value, context.Clock) is { } issue)
        {
            yield return Violation(issue.Level, issue.MessageTh, issue.MessageEn, XmlPaths.Of(date), date.Value);
        }
    }

    private Finding NotANotifier(XElement element)
    {
        var name = element.Name.LocalName;
        var nearMiss = OperationNames.AllNotifierKinds.Select(k => k.ElementName())
            .FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        var names = string.Join(", ", OperationNames.AllNotifierKinds.Select(k => k.ElementName()));
        var (hintTh, hintEn) = nearMiss is null
            ? ("", "")
            : ($" (หรือหมายถึง <{nearMiss}>? ชื่อต้องตรงตามตัวพิมพ์ใหญ่-เล็ก)", $" Did you mean <{nearMiss}>? Names are case-sensitive.");
        return Violation(
            $"<{name}> ใน <{OperationNames.OutboundRequest}> ไม่ใช่ rsm:GovernmentDocument และไม่ใช่หนังสือแจ้งห้าชนิด ({names}){hintTh}",
            $"<{name}> in <{OperationNames.OutboundRequest}> is neither rsm:GovernmentDocument nor one of the five notifiers ({names}).{hintEn}",
            XmlPaths.Of(element), name);
    }
}
