using ECms.Conformance.Steps.Drivers;
using ECms.Conformance.Steps.Drivers.Peer;
using ECms.Protocol;
using Reqnroll;

namespace ECms.Conformance.Steps.Bindings;

/// <summary>What the peer agency does (through the hub), and what the harness places in the SUT's queue directly.</summary>
[Binding]
public sealed class PeerSteps(PeerDriver peer, ExchangeFlows flows)
{
    [Given("the peer agency sends the system under test a standard letter")]
    public Task SendStandard() => peer.SendToSutAsync();

    [Given("the peer agency sends the system under test a letter with two references, two enclosures and Thai text with {string}")]
    public Task SendRich(string text) => peer.SendToSutAsync(l => PeerLetters.Rich(l, text));

    [Given("the peer agency sends the system under test a letter with a 250-character Thai subject, empty receiver names, placeholder references and enclosures, a 15 MB PDF enclosure and a SendDate without time")]
    public Task SendUnusual() => flows.SendUnusualAsync();

    [Given("the peer agency sends the system under test a letter classified {string} with urgency {string}")]
    public Task SendClassified(string secret, string speed) => flows.SendClassifiedToSutAsync(secret, speed);

    [Given("the peer agency has pulled the letter")]
    [When("the peer agency pulls the letter")]
    public Task Pull() => peer.PullsSutLetterAsync();

    [Given("the peer agency has acknowledged the letter")]
    [When("the peer agency acknowledges the letter")]
    public Task Acknowledge() => peer.NotifyAsync(NotifierKind.ReceiveLetter);

    [When("the peer agency acknowledges the letter with a trailing space added to the subject")]
    public Task AcknowledgeTrailingSpace() => peer.NotifyAsync(NotifierKind.ReceiveLetter, shape: l => l with { Subject = l.Subject + " " });

    [When("the peer agency registers the letter under a new receipt number")]
    public Task Register() => peer.NotifyAsync(NotifierKind.AcceptLetter);

    [When("the peer agency registers the letter under a new receipt number without acknowledging it first")]
    public Task RegisterWithoutAck() => peer.RegisterWithoutAcknowledgementAsync();

    [When("the peer agency rejects the letter")]
    public Task Reject() => peer.NotifyAsync(NotifierKind.RejectLetter);

    [When("the peer agency reports the letter as a wrong letter")]
    public Task ReportInvalid() => peer.NotifyAsync(NotifierKind.InvalidLetter);

    [When("the peer agency sends a corrected receipt number")]
    public Task Corrected() => flows.PeerCorrectsReceiptNumberAsync();

    [When("the peer agency disputes the receipt number")]
    public Task Dispute() => peer.DisputeSutReceiptNumberAsync();

    [When("the peer agency withdraws the letter and sends it again with the same number and date")]
    public Task WithdrawAndResend() => peer.WithdrawAndResendAsync();

    [When("the peer agency collects its notifications")]
    public Task Collect() => peer.ProcessAsync();

    [Given("the hub fills the queue of the system under test with a letter, an acknowledgement, another letter and a rejection")]
    public Task FillQueue() => flows.FillMixedQueueAsync();

    [Given("the hub places in the queue of the system under test a receipt-number notice for a letter it never sent")]
    public void InjectUnknownAccept() => flows.InjectUnknownNotice(NotifierKind.AcceptLetter);

    [Given("the hub places in the queue of the system under test a wrong-receipt-number notice for a letter it never received")]
    public void InjectUnknownDispute() => flows.InjectUnknownNotice(NotifierKind.InvalidAcceptId);

    [Given("the hub places in the queue of the system under test a letter from the peer agency whose second enclosure (.*)")]
    public void InjectBadEnclosure(string problem) => flows.InjectBadEnclosure(problem);

    [Given("the hub places in the queue of the system under test a letter larger than the system under test can store")]
    public void InjectTooLarge() => flows.InjectTooLargeToStore();

    [Then("the peer agency received an acknowledgement and then a receipt-number notice for the letter")]
    public void AckThenAccept() => peer.ReceivedAckThenAccept();

    [Then("the receipt number the peer agency received is the one the system under test shows")]
    [Then("the peer agency received the corrected receipt number the system under test shows")]
    public void AcceptIdShown() => peer.ReceivedAcceptIdIs(peer.SutAcceptId);
}
