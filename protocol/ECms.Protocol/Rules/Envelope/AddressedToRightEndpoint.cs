using ECms.Protocol.Messages;
using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Envelope;

/// <summary>
/// R-ENV-3: wsa:To resolves to a registered endpoint and is the right one (spec §2.2): the receiver's for a letter
/// (cross-checked with ReceiverParty), the counterpart of the original letter for a notifier, the caller's own
/// otherwise. Needs the directory; the caller and the letter registry sharpen it. A missing wsa:To is R-ENV-2's. An
/// unresolvable wsa:To on a notifier only warns in the lenient profile, whose hub routes it by the letter.
/// </summary>
public sealed class AddressedToRightEndpoint : Rule
{
    public override string Id => "R-ENV-3";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "wsa:To is the registered endpoint of the receiver, the counterpart, or the caller";

    public override bool AppliesTo(Operation operation) => operation != Operation.Unknown;

    public override bool ReadsHubState => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var toElement = context.Envelope?.HeaderElements("To").FirstOrDefault();
        if (context.Directory is not { } directory || toElement is null || WireText.IsBlank(toElement.Value))
        {
            yield break;
        }

        var to = toElement.Value.Trim();
        var path = XmlPaths.Of(toElement);
        var addressed = directory.FindByEndpoint(to);
        if (addressed is null)
        {
            // The lenient hub routes a notifier it cannot address by its letter instead (spec §2.2, as the 1.x hub did).
            var level = !context.IsStrict && context.Operation.IsNotifier() ? RuleLevel.Should : RuleLevel.Must;
            yield return Violation(level, $"wsa:To \"{to}\" ไม่ตรงกับ ECMS-URL ของหน่วยงานใดใน GetOrganizationList",
                $"wsa:To \"{to}\" is not the ECMS-URL of any organisation in GetOrganizationList.", path, to);
            yield break;
        }

        var expected = Misaddressed(context, addressed.OrganizationId);
        if (expected is { } wrong)
        {
            yield return Violation(wrong.MessageTh, wrong.MessageEn, path, to);
        }
    }

    private static Issue? Misaddressed(RuleContext context, string addressed)
    {
        var caller = context.CallerOrganizationId;
        switch (context.Request)
        {
            case SendLetterRequest send:
                var receiver = send.Letter.Receiver.OrganizationId;
                var registered = context.Directory!.Find(receiver)?.EcmsUrl;
                return addressed == receiver || WireText.IsBlank(receiver)
                    ? null
                    : Issue.Must(
                        $"wsa:To เป็น endpoint ของหน่วยงาน {addressed} แต่ผู้รับ (ReceiverParty) คือ {receiver}{(registered is null ? "" : $" ซึ่งมี ECMS-URL {registered}")}",
                        $"wsa:To is the endpoint of {addressed}, but the ReceiverParty is {receiver}{(registered is null ? "" : $", whose ECMS-URL is {registered}")}.");
            case SendNotifierRequest notifier when caller is not null:
                if (addressed == caller)
                {
                    return Issue.Must(
                        "wsa:To ของหนังสือแจ้งต้องเป็น endpoint ของคู่กรณี แต่ระบุ endpoint ของผู้ส่งเอง",
                        $"A notifier's wsa:To must name the counterpart's endpoint, but it names the caller's own ({caller}).");
                }

                var letters = context.Letters?.FindInvolving(caller, notifier.Notifier.LetterId, notifier.Notifier.CorrespondenceDate) ?? [];
                var counterparts = letters.Select(l => l.Key.SenderOrganizationId == caller ? l.Key.ReceiverOrganizationId : l.Key.SenderOrganizationId).Distinct().ToArray();
                return counterparts.Length == 0 || counterparts.Contains(addressed)
                    ? null
                    : Issue.Must(
                        $"wsa:To เป็น endpoint ของหน่วยงาน {addressed} แต่หนังสือ {notifier.Notifier.LetterId} เป็นหนังสือระหว่าง {caller} กับ {string.Join(", ", counterparts)}",
                        $"wsa:To is the endpoint of {addressed}, but letter {notifier.Notifier.LetterId} is between {caller} and {string.Join(", ", counterparts)}.");
            case not null when !context.Operation.IsAddressedToCounterpart() && caller is not null && addressed != caller:
                return Issue.Must(
                    $"คำขอ {context.Operation} ต้องระบุ wsa:To เป็น endpoint ของผู้เรียกเอง ({caller}) แต่ระบุของหน่วยงาน {addressed}",
                    $"A {context.Operation} request must name the caller's own endpoint ({caller}) in wsa:To, but names that of {addressed}.");
            default:
                return null;
        }
    }
}
