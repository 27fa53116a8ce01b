using ECms.Conformance.Steps.Drivers;
using ECms.Conformance.Steps.Drivers.Hub;
using ECms.Conformance.Steps.Drivers.Peer;
using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Protocol;
using Reqnroll;

namespace ECms.Conformance.Steps.Bindings;

/// <summary>Checklist D: the SUT as receiver — fetching, storing and answering.</summary>
[Binding]
public sealed class ReceiverSteps(OperatorDriver sut, ExchangeFlows flows, HubDriver hub)
{
    private Simulators.Journal.JournalEntry? _notifier;

    [When("the operator fetches the inbox of the system under test")]
    public Task Poll() => sut.PollAsync();

    [Given("the queue of the system under test is empty")]
    public Task Empty() => sut.EmptyQueueAsync();

    [Given("the system under test has received a letter from the peer agency")]
    public Task Received() => flows.ReceivedLetterAsync();

    [Given("the system under test has received a letter from the peer agency with two references, two enclosures and Thai text with {string}")]
    public Task ReceivedRich(string text) => flows.ReceivedLetterAsync(l => PeerLetters.Rich(l, text));

    [Given("the system under test has received and acknowledged a letter from the peer agency")]
    public Task ReceivedAndAcknowledged() => flows.ReceivedAndAcknowledgedAsync();

    [Given("the system under test has registered a letter from the peer agency")]
    public Task Registered() => flows.SutRegisteredAsync();

    [Given("the system under test has rejected a letter from the peer agency")]
    public Task Rejected() => flows.SutRejectedAsync();

    [When("the operator acknowledges the letter")]
    public Task Acknowledge() => sut.ActOnReceivedAsync(SutLetterAction.Acknowledge, mustSucceed: true);

    [When("the operator registers the letter")]
    [When("the operator registers the letter again under a corrected receipt number")]
    public Task Register() => sut.ActOnReceivedAsync(SutLetterAction.Register, mustSucceed: true);

    [When("the operator tries to register the letter")]
    public Task TryRegister() => sut.ActOnReceivedAsync(SutLetterAction.Register, mustSucceed: false);

    [When("the operator tries to register the letter under the receipt number of the earlier letter")]
    public Task RegisterDuplicate() => flows.TryRegisterWithEarlierNumberAsync();

    [When("the operator rejects the letter")]
    public Task Reject() => sut.ActOnReceivedAsync(SutLetterAction.Reject, mustSucceed: true);

    [When("the operator reports the letter as a wrong letter")]
    public Task ReportInvalid() => sut.ActOnReceivedAsync(SutLetterAction.ReportInvalid, mustSucceed: true);

    [Then("the system under test stores the received letter and deletes it from its queue")]
    [Then("the system under test stores the resent letter and deletes it from its queue")]
    public Task Stores() => sut.StoresReceivedLetterAsync();

    [Then("the system under test stores the received letter")]
    public Task StoresOnly() => sut.StoresReceivedLetterAsync(deleted: false);

    [Then("the system under test sent no delete for the letter it could not store")]
    public Task NoDeleteOfUnstored() => flows.NoDeleteOfUnstoredAsync();

    [Then("the system under test has not recorded the letter")]
    public Task NotRecorded() => sut.HoldsReceivedLetterAsync(0);

    [Then("the system under test holds the letter only once")]
    public Task Once() => sut.HoldsReceivedLetterAsync(1);

    [Then("the system under test sent an empty pull request")]
    public void EmptyPull() => hub.EmptyPullSent();

    [Then("the system under test sent no delete request in this scenario")]
    public void NoDelete() => hub.NoDeleteInScenario();

    [Then("the system under test has no new inbound letter")]
    public Task NoNew() => sut.InboundCountUnchangedAsync(sut.InboundCountBefore);

    [Then("the system under test stores the letter's number, date, subject, codes and references as sent")]
    public Task Fields() => sut.StoredFieldsAsSentAsync();

    [Then("the files the system under test stored are byte-identical to what the peer agency sent")]
    public Task Files() => sut.FilesByteIdenticalAsync();

    [Then("the system under test pulled and deleted the {int} queue items in order")]
    public void InOrder(int count) => hub.PulledAndDeletedInOrder(flows.Injected.Take(count).ToArray());

    [Then("the last pull of the system under test found the queue empty")]
    public void LastEmpty() => hub.LastPullFoundQueueEmpty();

    [Then("the system under test stores the 250-character subject unchanged")]
    public Task Subject() => flows.SubjectUnchangedAsync();

    [Then("the system under test ignores the placeholders and keeps only the real enclosure")]
    public Task Placeholders() => flows.PlaceholdersIgnoredAsync();

    [Then("the system under test deleted the letter from its queue and fetched it only once")]
    public void BadDeleted() => flows.BadLetterDeletedOnce();

    [Then("the system under test does not crash and keeps processing its queue")]
    public Task KeepsGoing() => flows.StillProcessingAsync();

    [Then("the system under test shows the received letter as {string} and {string}")]
    public Task Labels(string secret, string speed) => flows.ShowsLabelsAsync(secret, speed);

    [Then("the system under test shows the received letter as {string}")]
    public Task InboundStatus(string status) => sut.InboundStatusIsAsync(status);

    [Then("the system under test sends a receipt acknowledgement echoing the letter's number, date and subject")]
    public async Task Ack() => _notifier = await sut.SendsNotifierEchoingAsync(NotifierKind.ReceiveLetter);

    [Then("the system under test sends a rejection notice echoing the letter's number, date and subject")]
    public async Task RejectNotice() => _notifier = await sut.SendsNotifierEchoingAsync(NotifierKind.RejectLetter);

    [Then("the system under test sends a wrong-letter notice echoing the letter's number, date and subject")]
    public async Task InvalidNotice() => _notifier = await sut.SendsNotifierEchoingAsync(NotifierKind.InvalidLetter);

    [Then("the notifier is addressed to the peer agency's endpoint and posted to the system's own endpoint")]
    public void Addressed() => sut.NotifierAddressedAndPosted(_notifier ?? throw new InvalidOperationException("No notifier was checked before this step."));

    [Then("the hub accepts the notifier")]
    public void Accepted() => sut.HubAcceptedNotifier(_notifier ?? throw new InvalidOperationException("No notifier was checked before this step."));

    [Then("the system under test sends a receipt-number notice carrying the receipt number it shows")]
    [Then("the hub accepts the receipt-number notice for the resent letter")]
    public async Task AcceptNotice() => _notifier = await flows.CheckAcceptNotifierCarriesShownAsync();

    [Then("the system under test refuses the duplicate receipt number, or shows the hub's error")]
    public void DuplicateRefused() => sut.RefusedOrHubRejected(null, sut.LastResult);

    [Then("the hub accepted no second receipt-number notice with that number")]
    public void NoSecond() => flows.NoAcceptNotifierAccepted(sut.FirstAcceptId);

    [Then("the hub accepted no receipt-number notice for the letter")]
    public void NoAccept() => flows.NoAcceptNotifierAccepted(null);

    [Then("the system under test sends a receipt-number notice with a different receipt number")]
    public Task Different() => flows.DifferentReceiptNumberAsync();
}
