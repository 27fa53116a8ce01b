using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Client;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>The transition table of spec §6.2 over HTTP, in both strictness modes.</summary>
public class LifecycleTests
{
    private const ValidationProfile Strict = ValidationProfile.Strict;
    private const ValidationProfile Lenient = ValidationProfile.Lenient;

    public static IEnumerable<TestCaseData> Transitions()
    {
        yield return Case("AckBeforePull_Strict_Refused", Strict, Sent, Ack, "E320", LetterState.Sent);
        yield return Case("AckBeforePull_Lenient_Tolerated", Lenient, Sent, Ack, null, LetterState.Acknowledged);
        yield return Case("AcceptWithoutAck_Strict_TolerationWarned", Strict, Delivered, Accept, null, LetterState.Registered);
        yield return Case("RejectAfterRegistration_Strict_Refused", Strict, Registered, Reject, "E320", LetterState.Registered);
        yield return Case("RejectAfterRegistration_Lenient_Tolerated", Lenient, Registered, Reject, null, LetterState.Rejected);
        yield return Case("WithdrawDelivered_Strict_Refused", Strict, Delivered, Withdraw, "E320", LetterState.Delivered);
        yield return Case("WithdrawDelivered_Lenient_Tolerated", Lenient, Delivered, Withdraw, null, LetterState.Withdrawn);
        yield return Case("WithdrawRegistered_Lenient_Refused", Lenient, Registered, Withdraw, "E320", LetterState.Registered);
        yield return Case("WithdrawRegistered_Strict_Refused", Strict, Registered, Withdraw, "E320", LetterState.Registered);
        yield return Case("AckTwice_Strict_Refused", Strict, Acknowledged, Ack, "E320", LetterState.Acknowledged);
        yield return Case("AckTwice_Lenient_Tolerated", Lenient, Acknowledged, Ack, null, LetterState.Acknowledged);
        yield return Case("WithdrawTwice_Lenient_Refused", Lenient, Withdrawn, Withdraw, "E320", LetterState.Withdrawn);
        yield return Case("DisputeBeforeRegistration_Lenient_Refused", Lenient, Delivered, Dispute, "E320", LetterState.Delivered);
        yield return Case("InvalidAfterAck_Strict_Clean", Strict, Acknowledged, Invalid, null, LetterState.Invalid);
    }

    [TestCaseSource(nameof(Transitions))]
    public async Task Transition_FromState_AsTheTableSays(ValidationProfile profile, Func<HubRig, Letter, Task> arrange, Func<HubRig, Letter, Task<EcmsCallResult>> act, string? error, LetterState expected)
    {
        await using var rig = HubRig.Create(profile);
        var letter = rig.LetterFromAToB();
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        await arrange(rig, letter);
        await rig.PeerB.RefreshDirectoryAsync();
        var before = rig.Hub.DescribeState();

        var result = await act(rig, letter);

        if (error is null)
        {
            result.Status.ShouldBe(EcmsCallStatus.Success, result.Describe());
        }
        else
        {
            result.Status.ShouldBe(EcmsCallStatus.BusinessError);
            result.Errors.Select(e => e.Code).ShouldContain(error);
            rig.Hub.DescribeState().ShouldBe(before);
        }

        rig.Hub.FindLetter(letter.Key)!.State.ShouldBe(expected);
    }

    [Test]
    public async Task Accept_WithoutAcknowledgementInStrictMode_RecordsToleranceFinding()
    {
        await using var rig = HubRig.Create(Strict);
        var letter = rig.LetterFromAToB();
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        await Delivered(rig, letter);

        (await Accept(rig, letter)).Expect<SendNotifierResponse>();

        var finding = rig.Hub.Journal.Last!.Findings.First(f => f.RuleId == "R-NTF-STATE");
        finding.Level.ShouldBe(RuleLevel.Should);
        rig.Hub.FindLetter(letter.Key)!.History.Select(h => h.To)
            .ShouldBe([LetterState.Sent, LetterState.Delivered, LetterState.Registered]);
    }

    [Test]
    public async Task Strictness_ChangedWhileRunning_AppliesFromTheNextRequest()
    {
        await using var rig = HubRig.Create(Lenient);
        var first = rig.LetterFromAToB("ทส 1/2567");
        var second = rig.LetterFromAToB("ทส 2/2567");
        (await rig.PeerA.SendLetterAsync(first)).Expect<SendLetterResponse>();
        (await rig.PeerA.SendLetterAsync(second)).Expect<SendLetterResponse>();

        var lenientAck = await Ack(rig, first);
        rig.Hub.Strictness = Strict;
        var strictAck = await Ack(rig, second);

        lenientAck.IsSuccess.ShouldBeTrue();
        strictAck.Errors.Select(e => e.Code).ShouldContain("E320");
    }

    private static TestCaseData Case(string name, ValidationProfile profile, Func<HubRig, Letter, Task> arrange,
        Func<HubRig, Letter, Task<EcmsCallResult>> act, string? error, LetterState expected) =>
        new TestCaseData(profile, arrange, act, error, expected).SetName($"Transition_{name}");

    private static Task Sent(HubRig rig, Letter letter) => Task.CompletedTask;

    private static async Task Delivered(HubRig rig, Letter letter)
    {
        var item = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!;
        (await rig.ClientB.DeleteAsync(item.ProcessId)).Expect<DeleteFromQueueResponse>();
    }

    private static async Task Acknowledged(HubRig rig, Letter letter)
    {
        await Delivered(rig, letter);
        (await Ack(rig, letter)).Expect<SendNotifierResponse>();
    }

    private static async Task Registered(HubRig rig, Letter letter)
    {
        await Acknowledged(rig, letter);
        (await Accept(rig, letter)).Expect<SendNotifierResponse>();
    }

    private static async Task Withdrawn(HubRig rig, Letter letter)
    {
        await Acknowledged(rig, letter);
        (await Reject(rig, letter)).Expect<SendNotifierResponse>();
        (await Withdraw(rig, letter)).Expect<WithdrawLetterResponse>();
    }

    private static Task<EcmsCallResult> Ack(HubRig rig, Letter letter) => rig.PeerB.AcknowledgeAsync(letter);

    private static Task<EcmsCallResult> Accept(HubRig rig, Letter letter) => rig.PeerB.RegisterAsync(letter, "รับ 2567/00009");

    private static Task<EcmsCallResult> Reject(HubRig rig, Letter letter) => rig.PeerB.RejectAsync(letter);

    private static Task<EcmsCallResult> Invalid(HubRig rig, Letter letter) => rig.PeerB.ReportInvalidAsync(letter);

    private static Task<EcmsCallResult> Withdraw(HubRig rig, Letter letter) => rig.PeerA.WithdrawAsync(letter);

    private static Task<EcmsCallResult> Dispute(HubRig rig, Letter letter) => rig.PeerA.DisputeAcceptIdAsync(letter, "รับ 2567/00009");
}
