using ECms.Protocol.Lifecycle;
using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;

namespace ECms.Protocol.Rules.Notifier;

/// <summary>
/// R-NTF-STATE (spec §6.2): the notifier is a transition the letter's state allows, as <see cref="LetterLifecycle"/>
/// judges it for the profile. A refused transition is MUST in the strict profile and SHOULD in the lenient one; a
/// tolerated one (e.g. a receipt number without an acknowledgement) warns in strict and informs in lenient.
/// Needs the caller and the letter registry.
/// </summary>
public sealed class NotifierTransitionAllowed : Rule
{
    public override string Id => "R-NTF-STATE";
    public override RuleLevel Level => RuleLevel.Must;
    public override string Title => "Notifier is a transition the letter's state allows";

    public override bool AppliesTo(Operation operation) => operation.IsNotifier();

    public override bool ReadsHubState => true;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var found = NotifierLetter.Find(context);
        if (found is not { Record: { } letter, Element: { } element })
        {
            yield break;
        }

        var kind = found.Request!.Notifier.Kind;
        var verdict = LetterLifecycle.Evaluate(letter.State, LetterLifecycle.EventFor(kind), context.Profile);
        var path = XmlPaths.Of(element);
        var state = letter.State.ToString();
        if (!verdict.Allowed)
        {
            yield return Violation(context.IsStrict ? RuleLevel.Must : RuleLevel.Should,
                $"ส่ง <{kind.ElementName()}> ไม่ได้ในขณะที่หนังสืออยู่ในสถานะ {state}: {verdict.Refusal}",
                $"<{kind.ElementName()}> is not allowed while the letter is {state}: {verdict.Refusal}.", path, state);
        }
        else if (verdict.Warning is { } warning)
        {
            yield return Violation(context.IsStrict ? RuleLevel.Should : RuleLevel.Info,
                $"<{kind.ElementName()}> ยอมรับได้ในสถานะ {state} แต่ผิดขั้นตอนปกติ: {warning}",
                $"<{kind.ElementName()}> is accepted while the letter is {state}, but out of the usual order: {warning}.", path, state);
        }
    }
}
