using ECms.Conformance.Steps.Drivers;
using ECms.Conformance.Steps.Drivers.Peer;
using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Protocol;
using Reqnroll;

namespace ECms.Conformance.Steps.Bindings;

/// <summary>Checklist B and C: the operator's sender-side actions and what the SUT then sends and shows.</summary>
[Binding]
public sealed class SenderSteps(OperatorDriver sut, ExchangeFlows flows, PeerDriver peer)
{
    [When("the operator sends a standard letter to the peer agency")]
    public Task SendStandard() => sut.SendStandardAsync();

    [Given("the system under test has sent a standard letter to the peer agency")]
    public Task HasSent() => sut.HasSentStandardAsync();

    [When("the operator tries to send a standard letter to the peer agency")]
    public Task TrySend() => sut.SendAsync(sut.NewStandard(), mustSucceed: false);

    [When("the operator sends a letter to the peer agency with the subject {string}")]
    public Task SendSubject(string subject) => sut.SendAsync(sut.NewStandard(subject), mustSucceed: true);

    [When("the operator sends the same letter again")]
    public Task SendAgain() => sut.SendSameAgainAsync(mustSucceed: false);

    [When("the operator tries to send the same letter again as a new letter")]
    public Task SendAgainAsNew() => sut.SendSameAgainAsync(mustSucceed: false);

    [When("the operator refreshes the directory of the system under test")]
    public Task Refresh() => sut.RefreshDirectoryAsync();

    [When("the operator sends a letter to the peer agency classified {string} with urgency {string}")]
    public Task SendClassified(string secret, string speed) => flows.SendClassifiedAsync(secret, speed);

    [When("the operator sends a letter to the peer agency with two references and three enclosures \\(PDF, DOCX and JPG)")]
    public Task SendFull() => flows.SendFullLetterAsync();

    [When("the operator sends a letter to the peer agency dated {string}")]
    public Task SendDated(string date) => flows.SendDatedAsync(date);

    [When("the operator tries to send a letter to the peer agency without a cover letter")]
    public Task NoCover() => flows.TrySendWithoutCoverAsync();

    [When("the operator tries to send a letter to the peer agency whose cover letter is (.*)")]
    public Task BadCover(string kind) => flows.TrySendWithBadCoverAsync(kind);

    [When("the operator tries to send a letter to the peer agency with a WebP enclosure")]
    public Task WebP() => flows.TrySendWebPAsync();

    [When("the operator tries to send a standard letter to organisation {string}")]
    public Task SendTo(string organizationId) => flows.TrySendToAsync(organizationId);

    [When("the operator tries to send another letter with the same number and date to the peer agency")]
    public Task Duplicate() => flows.TrySendDuplicateAsync();

    [When("the operator sends one circular letter to the peer agency and the second peer agency")]
    public Task Circular() => flows.SendCircularAsync();

    [When("the operator disputes the receipt number of the letter")]
    public Task Dispute() => sut.ActOnSentAsync(SutLetterAction.DisputeAcceptId, mustSucceed: true);

    [When("the operator corrects the letter and sends it again")]
    public Task Resend() => sut.ActOnSentAsync(SutLetterAction.Resend, mustSucceed: true, sut.Corrected());

    [When("the operator tries to withdraw the letter")]
    public Task TryWithdraw() => sut.ActOnSentAsync(SutLetterAction.Withdraw, mustSucceed: false);

    [Then("the hub accepts the letter from the system under test")]
    public Task HubAccepts() => sut.HubAcceptedAsync(sut.CurrentOutbound);

    [Then("the system under test shows the letter as sent with the ProcessID the hub returned")]
    public Task ShowsSent() => sut.ShowsSentWithProcessIdAsync();

    [Then("the system under test reports the failure and does not show the letter as sent")]
    public Task ReportsFailure() => sut.ReportsFailureAndNotSentAsync();

    [Then("the system under test reports the failure, or shows the letter as sent only after the hub confirmed it")]
    public Task ReportsFailureOrConfirmed() => sut.ReportsFailureOrConfirmedSentAsync();

    [Then("the retry succeeds and the system under test shows the letter as sent")]
    public Task RetrySucceeded() => sut.RetrySucceededAndShownSentAsync();

    [Then("the system under test shows the hub's errors {string} and {string}")]
    public void ShowsErrors(string first, string second) => sut.ShowsHubErrors(first, second);

    [Then("the system under test shows the hub's error {string}")]
    public void ShowsError(string code) => sut.ShowsHubErrors(code);

    [Then("the system under test does not show the letter as sent")]
    public Task NotSent() => sut.NotShownAsSentAsync();

    [Then("the system under test requests the organisation list from its own endpoint")]
    public Task OrganisationList() => flows.RequestedAsync(Operation.GetOrganizationList);

    [Then("the system under test requests the ministry list from its own endpoint")]
    public Task MinistryList() => flows.RequestedAsync(Operation.GetMinistryOrganizationList);

    [Then("the system under test requests the secret code list and the speed code list from its own endpoint")]
    public Task CodeLists() => Task.WhenAll(flows.RequestedAsync(Operation.GetSecretCodes), flows.RequestedAsync(Operation.GetSpeedCodes));

    [Then("the system under test requests the MIME type list from its own endpoint")]
    public Task MimeList() => flows.RequestedAsync(Operation.GetMimeCodes);

    [Then("the letter is addressed to the endpoint and organisation code the hub lists for the peer agency")]
    public Task FromDirectory() => flows.AddressedFromDirectoryAsync();

    [Then("the ministry codes of the letter are the first two digits of the organisation codes")]
    public Task Ministries() => flows.MinistryCodesAsync();

    [Then("every secret and speed code the system under test sent in this scenario is one the hub serves")]
    public void ServedCodes() => flows.ServedCodesOnly();

    [Given("the hub serves a MIME type list without {string}")]
    public void NotServed(string contentType) => flows.RequireNotServed(contentType);

    [Then("the system under test refuses the WebP enclosure, or shows the hub's rejection")]
    public void WebPRefused() => sut.RefusedOrHubRejected(null);

    [Then("the hub accepted no letter with a WebP enclosure in this scenario")]
    public void NoWebP() => flows.NoWebPAccepted();

    [Then("the hub receives exactly one letter from the system under test for the peer agency")]
    public Task ExactlyOne() => flows.ExactlyOneLetterToPeerAsync();

    [Then("the letter breaks no MUST rule of the protocol")]
    public Task NoMust() => flows.LetterBreaksNoMustRuleAsync();

    [Then("wsa:To of the letter is the peer agency's endpoint")]
    public Task ToPeer() => flows.ToIsPeerAsync();

    [Then("the receiver of the letter is the peer agency's organisation code")]
    public Task ReceiverPeer() => flows.ReceiverIsPeerAsync();

    [Then("the letter carries the two references in the operator's order")]
    public Task References() => flows.ReferencesInOrderAsync();

    [Then("the letter carries the three enclosures in the operator's order with their MIME types")]
    public Task Enclosures() => flows.EnclosuresInOrderAsync();

    [Then("every file of the letter decodes to exactly the bytes the operator attached")]
    public Task Files() => flows.FilesExactAsync();

    [Then("the letter carries SecretCode {string} and SpeedCode {string}")]
    public Task Codes(string secret, string speed) => flows.CodesAsync(secret, speed);

    [Then("the CorrespondenceDate of the letter is {string}")]
    public Task Date(string date) => flows.CorrespondenceDateAsync(date);

    [Then("the SendDate of the letter is a Gregorian yyyy-MM-ddTHH:mm:ss close to the time of sending")]
    public Task SendDate() => flows.SendDateCloseAsync();

    [Then("the system under test refuses the letter before anything reaches the hub")]
    public void RefusedLocally() => sut.RefusedBeforeHub();

    [Then("the system under test refuses the letter, or shows the hub's rejection")]
    public void RefusedOrRejected() => sut.RefusedOrHubRejected(null);

    [Then("the system under test refuses the letter, or shows the hub's error {string}")]
    public void RefusedOrCode(string code) => sut.RefusedOrHubRejected(code);

    [Then("the hub receives one letter for each receiver, each with its own wsa:To, receiver and ProcessID")]
    public Task PerReceiver() => flows.OneLetterPerReceiverAsync();

    [When("both peer agencies pull and acknowledge the letter")]
    public Task BothAcknowledge() => flows.BothPeersAcknowledgeAsync();

    [Then("the system under test shows the letter as received by each peer agency separately")]
    public Task EachReceived() => flows.ReceivedByEachAsync();

    [Then("the system under test deleted the acknowledgement with its exact ProcessID")]
    public Task DeletedAck() => flows.DeletedNotifierAsync(NotifierKind.ReceiveLetter);

    [Then("the system under test deleted the receipt-number notice with its exact ProcessID")]
    public Task DeletedAccept() => flows.DeletedNotifierAsync(NotifierKind.AcceptLetter);

    [Then("the system under test deleted the rejection notice with its exact ProcessID")]
    public Task DeletedReject() => flows.DeletedNotifierAsync(NotifierKind.RejectLetter);

    [Then("the system under test deleted the wrong-letter notice with its exact ProcessID")]
    public Task DeletedInvalid() => flows.DeletedNotifierAsync(NotifierKind.InvalidLetter);

    [Then("the system under test deleted the wrong-receipt-number notice with its exact ProcessID")]
    public Task DeletedDispute() => flows.DeletedNotifierAsync(NotifierKind.InvalidAcceptId);

    [Then("the system under test shows the letter as received by the peer agency")]
    public Task ReceivedByPeer() => sut.OutboundStatusIsAsync("received-by-peer");

    [Then("the system under test shows the letter as {string} or {string}")]
    public Task Status(string first, string second) => sut.OutboundStatusIsAsync(first, second);

    [Then("the system under test shows the peer agency's receipt number for the letter")]
    [Then("the system under test shows the peer agency's corrected receipt number for the letter")]
    [Then("the system under test still shows the peer agency's receipt number for the letter")]
    public Task ShowsAcceptId() => flows.ShowsPeerAcceptIdAsync();

    [Then("the system under test sends a wrong-receipt-number notice to the peer agency echoing the letter and the disputed number")]
    public Task DisputeSent() => flows.DisputeSentAsync();

    [Then("the system under test did not attach the unknown notice to any of its letters")]
    public Task NotAttached() => flows.UnknownNoticeNotAttachedAsync();

    [Then("the system under test deleted the unknown notice, or deliberately kept it without blocking the queue")]
    public void UnknownHandled() => flows.UnknownNoticeHandled();

    [Then("the system under test first withdraws the original letter with its number, date, own code and the peer agency's code")]
    public Task WithdrewFirst() => flows.WithdrewFirstAsync();

    [Then("then the hub accepts the corrected letter with a new ProcessID")]
    public Task CorrectedAccepted() => flows.CorrectedAcceptedAsync();

    [Then("the system under test withdraws before sending, refuses, or shows the hub's error {string}")]
    public void WithdrawsOrRefuses(string code) => flows.WithdrewRefusedOrE300(code);

    [Then("the system under test never reports a letter the hub refused as sent")]
    public Task NeverRefusedAsSent() => flows.NeverReportsRefusedAsSentAsync();

    [Then("the system under test refuses the withdrawal, or shows the hub's error {string}")]
    public void WithdrawalRefused(string code) => sut.RefusedOrHubRejected(code, sut.LastResult);

    [When("the operator opens the outbound status page of the system under test")]
    public Task StatusPage() => flows.AskOperatorAsync("เปิดหน้าสถานะการส่งหนังสือของระบบ", "Open the system's outbound status page");

    [Then("the system under test requests the outbound status from its own endpoint")]
    public Task OutboundStatus() => flows.RequestedAsync(Operation.OutboundStatus);

    [Then("the operator confirms that the system under test shows a status for each letter")]
    public Task ConfirmStatus() => flows.AskOperatorAsync("ระบบแสดงสถานะของหนังสือแต่ละฉบับหรือไม่", "Does the system show a status for each letter?");

    [When("the operator runs the time check of the system under test")]
    public Task TimeCheck() => flows.AskOperatorAsync("สั่งตรวจสอบเวลากับ e-CMS", "Run the system's e-CMS time check");

    [Then("the system under test requests the hub time from its own endpoint")]
    public Task HubTime() => flows.RequestedAsync(Operation.TimeCheck);

    [Then("the operator confirms that the system under test shows the hub time and flags the difference")]
    public Task ConfirmTime() => flows.AskOperatorAsync("ระบบแสดงเวลาของ e-CMS และแจ้งว่าเวลาต่างกันหรือไม่", "Does the system show the hub's time and flag the 7-minute difference?");

    [When("{int} letters travel each way, interleaved with their acknowledgements and receipt numbers")]
    public Task Load(int count) => flows.LoadAsync(count);

    [Then("every letter of the exchange reached its final state exactly once")]
    public void Final() => flows.AllFinal();

    [Then("no queue item of either party is left undeleted")]
    public void QueuesEmpty() => flows.NoQueueLeft();

    [Given("the peer agency has registered a standard letter from the system under test")]
    public Task PeerRegistered() => flows.PeerRegisteredSutLetterAsync();

    [Given("the peer agency has rejected a standard letter from the system under test")]
    public Task PeerRejected() => flows.PeerRejectedSutLetterAsync();

    [Given("the system under test has taken part in a complete exchange in each role")]
    public Task CompleteExchange() => flows.CompleteExchangeEachRoleAsync();

    [Then("the hub holds the original letter as withdrawn and the resent letter as registered")]
    public void WithdrawnAndRegistered() => flows.OriginalWithdrawnResentRegistered();

    [Then("the peer agency received a wrong-letter notice for the letter")]
    public void WrongLetterNotice() => peer.ReceivedNotice(NotifierKind.InvalidLetter);

    [Then("the hub holds both letters as invalid or withdrawn")]
    public void BothInvalid() => flows.BothInvalidOrWithdrawn();
}
