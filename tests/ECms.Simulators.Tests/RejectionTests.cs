using System.Text;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Protocol.Wire;
using ECms.Simulators.Client;
using ECms.Simulators.Errors;
using ECms.Simulators.Journal;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>Business refusals: ErrorDetail with HTTP 200, the code of the one reject table, and no state changed.</summary>
public class RejectionTests
{
    private const string Unregistered = "9900999000";

    public static IEnumerable<TestCaseData> Refusals()
    {
        yield return Case("DuplicateLetter", ValidationProfile.Lenient, "E300", async rig =>
        {
            (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB())).Expect<SendLetterResponse>();
            return () => rig.PeerA.SendLetterAsync(rig.LetterFromAToB());
        });
        yield return Case("UnknownReceiver", ValidationProfile.Lenient, "E210", rig => Ready(() =>
            rig.ClientA.SendLetterAsync(rig.PeerA.ComposeLetter(Unregistered, "ทส 1", "ถึงใคร"), new Uri($"http://127.0.0.1:1/{Unregistered}/ecms-ws01/service2"))));
        yield return Case("SenderIsNotEndpointOwner", ValidationProfile.Lenient, "E200", rig => Ready(() =>
            rig.ClientA.SendLetterAsync(rig.LetterFromBToA(), rig.EndpointA)));
        yield return Case("NotifierForUnknownLetter", ValidationProfile.Lenient, "E310", rig => Ready(() =>
            rig.PeerB.AcknowledgeAsync(rig.LetterFromAToB("ไม่มี 9/2567"))));
        yield return Case("NotifierByWrongRole", ValidationProfile.Lenient, "E330", async rig =>
        {
            var letter = await rig.DeliverFromAToBAsync();
            return () => rig.PeerA.RegisterAsync(letter, "รับ 1");
        });
        yield return Case("NotifierFromNonParty", ValidationProfile.Lenient, "E330", async rig =>
        {
            var letter = await rig.DeliverFromAToBAsync();
            var agencyC = new EcmsHubClient(rig.Hub.EndpointOf(HubRig.C));
            var notifier = new Notifier(NotifierKind.ReceiveLetter, letter.LetterId, letter.CorrespondenceDate, letter.Subject);
            return () => agencyC.SendNotifierAsync(notifier, rig.EndpointA);
        });
        yield return Case("DeleteOfForeignItem", ValidationProfile.Lenient, "E400", async rig =>
        {
            (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB())).Expect<SendLetterResponse>();
            var item = rig.Hub.QueueOf(HubRig.B).Single();
            return () => rig.ClientA.DeleteAsync(item.ProcessId);
        });
        yield return Case("WithdrawOfRegisteredLetter", ValidationProfile.Lenient, "E320", async rig =>
        {
            var letter = await rig.DeliverFromAToBAsync();
            (await rig.PeerB.AcknowledgeAsync(letter)).Expect<SendNotifierResponse>();
            (await rig.PeerB.RegisterAsync(letter, "รับ 2567/1")).Expect<SendNotifierResponse>();
            return () => rig.PeerA.WithdrawAsync(letter);
        });
        yield return Case("WithdrawByReceiver", ValidationProfile.Lenient, "E330", async rig =>
        {
            var letter = await rig.DeliverFromAToBAsync();
            return () => rig.ClientB.WithdrawAsync(letter.Key);
        });
        yield return Case("WithdrawOfUnknownLetter", ValidationProfile.Lenient, "E310", rig => Ready(() =>
            rig.ClientA.WithdrawAsync(new LetterKey(HubRig.A, HubRig.B, "ไม่มี", "2024-06-11"))));
        yield return Case("SpecialRequestByNonParty", ValidationProfile.Lenient, "E330", async rig =>
        {
            var letter = await rig.DeliverFromAToBAsync();
            var agencyC = new EcmsHubClient(rig.Hub.EndpointOf(HubRig.C));
            return () => agencyC.SpecialRequestAsync(OperationNames.GovernmentDocument, letter.Key);
        });
        yield return Case("BuddhistEraDateWhenStrict", ValidationProfile.Strict, "E120", rig =>
        {
            RequireRule.InCatalogue("R-SEND-3");
            return Ready(() => rig.PeerA.SendLetterAsync(rig.LetterFromAToB() with { CorrespondenceDate = "2567-06-11" }));
        });
        yield return Case("StrayTextInTheSoapBody", ValidationProfile.Lenient, "E100", rig => Ready(() =>
        {
            var request = new SendLetterRequest(rig.LetterFromAToB()) { Header = new AddressingHeader("mid://20240611.093000000@a", rig.EndpointB.AbsoluteUri) };
            var text = Encoding.UTF8.GetString(EcmsWriter.WriteRequest(request));
            var end = text.IndexOf("</SOAP-ENV:Body>", StringComparison.Ordinal);
            return rig.ClientA.PostRawAsync(Encoding.UTF8.GetBytes(text.Insert(end, "และข้อความที่หลงมา")));
        }));
        yield return Case("MissingMainLetter", ValidationProfile.Lenient, "E130", rig =>
        {
            RequireRule.InCatalogue("R-SEND-MAIN");
            return Ready(() => rig.PeerA.SendLetterAsync(rig.LetterFromAToB() with { MainLetter = null }));
        });
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task RejectedRequest_AnyReason_ChangesNoState(ValidationProfile profile, string code, Func<HubRig, Task<Func<Task<EcmsCallResult>>>> arrange)
    {
        await using var refusal = await ArrangedRefusal.CreateAsync(profile, arrange);

        var result = await refusal.Act();

        result.Status.ShouldBe(EcmsCallStatus.BusinessError, result.Describe());
        result.HttpStatus.ShouldBe(200);
        result.Errors.Select(e => e.Code).ShouldContain(code);
        refusal.Rig.Hub.DescribeState().ShouldBe(refusal.StateBefore);
        var entry = refusal.RefusedEntry;
        entry.Outcome.ShouldBe(ExchangeOutcome.Rejected);
        entry.Errors.ShouldBe(result.Errors);
    }

    [Test]
    public async Task BuddhistEraDate_WhenLenient_AcceptedAndFindingRecorded()
    {
        RequireRule.InCatalogue("R-SEND-3");
        await using var rig = HubRig.Create(ValidationProfile.Lenient);

        var result = await rig.PeerA.SendLetterAsync(rig.LetterFromAToB() with { CorrespondenceDate = "2567-06-11" });

        result.IsSuccess.ShouldBeTrue();
        rig.Hub.Journal.Last!.Findings.ShouldContain(f => f.RuleId == "R-SEND-3" && f.Level == RuleLevel.Must);
    }

    [Test]
    public async Task NewMustRule_UnknownToTheTable_RefusesOnlyWhenStrict()
    {
        var engine = new RuleEngine([.. RuleCatalog.All, new AlwaysFinds("X-NEW-1", RuleLevel.Must)]);
        await using var strict = HubRig.Create(ValidationProfile.Strict, o => o with { RuleEngine = engine });
        await using var lenient = HubRig.Create(ValidationProfile.Lenient, o => o with { RuleEngine = engine });

        var refused = await strict.PeerA.SendLetterAsync(strict.LetterFromAToB());
        var accepted = await lenient.PeerA.SendLetterAsync(lenient.LetterFromAToB());

        refused.Errors.Single().Code.ShouldBe("E110");
        refused.Errors.Single().Description.ShouldContain("X-NEW-1");
        accepted.IsSuccess.ShouldBeTrue();
        lenient.Hub.Journal.Last!.HasFinding("X-NEW-1").ShouldBeTrue();
    }

    [Test]
    public async Task ErrorCatalog_Replaced_WireCarriesTheConfiguredCodeAndText()
    {
        var catalog = ErrorCatalog.Default.With(HubErrorKind.DuplicateLetter, "DUP-01", "หนังสือซ้ำ");
        await using var rig = HubRig.Create(configure: o => o with { Errors = catalog, DetailedErrorDescriptions = false });
        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB())).Expect<SendLetterResponse>();

        var duplicate = await rig.PeerA.SendLetterAsync(rig.LetterFromAToB());

        duplicate.Errors.ShouldBe([new ErrorDetail("DUP-01", "หนังสือซ้ำ")]);
    }

    [Test]
    public async Task RuleEngine_Throws_AnswersE900FaultAndKeepsServing()
    {
        var engine = new RuleEngine([new Throws()]);
        await using var rig = HubRig.Create(configure: o => o with { RuleEngine = engine });

        var failed = await rig.ClientA.SendLetterAsync(rig.LetterFromAToB(), rig.EndpointB);
        var pull = await rig.ClientA.PullAsync();

        failed.Status.ShouldBe(EcmsCallStatus.SoapFault);
        failed.HttpStatus.ShouldBe(500);
        failed.Errors.Single().Code.ShouldBe("E900");
        rig.Hub.Journal.Entries[0].Outcome.ShouldBe(ExchangeOutcome.InternalError);
        rig.Hub.Journal.Entries[0].Problem!.ShouldContain("rule exploded");
        pull.IsSuccess.ShouldBeTrue();
        rig.Hub.QueueOf(HubRig.B).ShouldBeEmpty();
    }

    [Test]
    public async Task MultipleMustFindings_WhenStrict_OneErrorDetailEach()
    {
        RequireRule.InCatalogue("R-SEND-3", "R-SEND-5");
        await using var rig = HubRig.Create(ValidationProfile.Strict);

        var result = await rig.PeerA.SendLetterAsync(rig.LetterFromAToB() with { CorrespondenceDate = "2567-06-11", SecretCode = "9" });

        result.Errors.Count.ShouldBeGreaterThanOrEqualTo(2);
        result.Errors.ShouldAllBe(e => e.Code == "E120");
    }

    private static TestCaseData Case(string name, ValidationProfile profile, string code, Func<HubRig, Task<Func<Task<EcmsCallResult>>>> arrange) =>
        new TestCaseData(profile, code, arrange).SetName($"RejectedRequest_{name}_{code}AndNoStateChange");

    private static Task<Func<Task<EcmsCallResult>>> Ready(Func<Task<EcmsCallResult>> act) => Task.FromResult(act);

    private sealed class AlwaysFinds(string id, RuleLevel level) : Rule
    {
        public override string Id => id;
        public override RuleLevel Level => level;
        public override string Title => "Test rule";

        public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

        public override IEnumerable<Finding> Check(RuleContext context)
        {
            yield return Violation("ทดสอบ", $"{id} always finds something.", "/Envelope/Body");
        }
    }

    private sealed class Throws : Rule
    {
        public override string Id => "X-THROWS";
        public override RuleLevel Level => RuleLevel.Must;
        public override string Title => "Throws";

        public override bool AppliesTo(Operation operation) => operation == Operation.SendLetter;

        public override IEnumerable<Finding> Check(RuleContext context) => throw new InvalidOperationException("rule exploded");
    }
}
