using ECms.Protocol.Rules.Support;
using ECms.Protocol.Wire;
using static ECms.Protocol.Rules.Support.ElementShape;

namespace ECms.Protocol.Rules.Letter;

/// <summary>
/// R-SEND-SIG (INFO): ram:GovernmentSignature is optional (1.x only). When present it is noted — the harness checks
/// its shape, it does not verify the signature — and every departure from the §3.1 shape is noted too: TypeCode,
/// SignerParty (Title, flat MinistryCode/DepartmentCode), then an optional enveloped ds:Signature over "#Letter".
/// </summary>
public sealed class GovernmentSignatureShape : Rule
{
    private const string Ram = EcmsNamespaces.ReusableAggregatePrefix;
    private const string Ds = "ds";

    private static readonly ElementShape Shape = Sequence("GovernmentSignature", Ram, 0, 1,
        Text("TypeCode", Ram),
        Sequence("SignerParty", Ram, 1, 1,
            Text("GivenName", Ram), Text("FamilyName", Ram), Text("Title", Ram), Text("MinistryCode", Ram), Text("DepartmentCode", Ram)),
        Sequence("Signature", Ds, 0, 1,
            Any("SignedInfo", Ds, 1, 1), Text("SignatureValue", Ds), Any("KeyInfo", Ds, 0, 1), Any("Object", Ds, 0, Unbounded)));

    public override string Id => "R-SEND-SIG";
    public override RuleLevel Level => RuleLevel.Info;
    public override string Title => "GovernmentSignature optional; shape per §3.1 when present";

    public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        if (EcmsReader.Child(LetterXml.GovernmentDocument(context), "GovernmentSignature") is not { } signature)
        {
            yield break;
        }

        yield return Violation("หนังสือมี ram:GovernmentSignature (แบบ e-CMS 1.x) ระบบทดสอบตรวจเฉพาะโครงสร้าง ไม่ได้ตรวจลายมือชื่อ",
            "The letter carries ram:GovernmentSignature (1.x style); the harness checks its shape, not the signature.", XmlPaths.Of(signature));

        foreach (var problem in ShapeCheck.Check(signature, Shape, "§3.1"))
        {
            yield return Violation(problem.MessageTh, problem.MessageEn, problem.Path, problem.Value);
        }

        var uri = signature.Descendants().FirstOrDefault(e => e.Name.LocalName == "Reference" && e.Name.NamespaceName == EcmsNamespaces.XmlDsig)?.Attribute("URI");
        if (uri is not null && uri.Value != "#Letter")
        {
            yield return Violation($"ds:Reference/@URI เป็น \"{uri.Value}\" ควรอ้างถึง \"#Letter\" (ram:CorrespondenceLetter/@ID)",
                $"ds:Reference/@URI is \"{uri.Value}\"; it should point at \"#Letter\" (ram:CorrespondenceLetter/@ID).",
                $"{XmlPaths.Of(uri.Parent!)}/@URI", uri.Value);
        }
    }
}
