using ECms.Conformance.Steps.Drivers;
using ECms.Conformance.Steps.Drivers.Hub;
using ECms.Protocol;
using ECms.Simulators.Faults;
using Reqnroll;

namespace ECms.Conformance.Steps.Bindings;

/// <summary>Checklist A: transport, envelope and connectivity; plus the hub set-up sentences every chapter uses.</summary>
[Binding]
public sealed class TransportSteps(HubDriver hub, ExchangeFlows flows, OperatorDriver sut)
{
    [Given("the system under test and the peer agency are connected to the hub")]
    public void Connected() => hub.RequireConnected();

    [Then("every request of the system under test in this scenario was posted to its own endpoint")]
    public void PostedToOwnEndpoint() => hub.AllSutRequestsPostedToOwnEndpoint();

    [Then("no request in this scenario reached the peer agency's endpoint except the peer agency's own")]
    public void NoForeignRequest() => hub.NoForeignRequestAtPeerEndpoints();

    [Then("the letter reached the hub in a SOAP 1.1 envelope with exactly one body child")]
    public async Task Soap11() => hub.LetterIsSoap11WithOneBodyChild(await flows.CurrentSendAsync());

    [Then("the hub decodes the subject exactly as the operator typed it")]
    public async Task SubjectIntact() => hub.SubjectDecodedExactly(await flows.CurrentSendAsync(), sut.CurrentRequest.Subject);

    [Then("the ampersand in the subject arrived escaped")]
    public async Task Escaped() => hub.AmpersandEscaped(await flows.CurrentSendAsync(), sut.CurrentRequest.Subject);

    [Then("the system under test made at least {int} requests of at least {int} different operations in this scenario")]
    public void Requests(int count, int operations) => hub.SutMadeRequests(count, operations);

    [Then("every request of the system under test in this scenario carries a non-empty wsa:MessageID, unique in this scenario")]
    public void MessageIds() => hub.MessageIdsPresentAndUnique();

    [Then("every request of the system under test in this scenario carries wsa:To in the WS-Addressing 1.0 namespace")]
    public void ToNamespace() => hub.ToInAddressingNamespace();

    [Then("wsa:To names the counterpart for letters and notifiers and the system's own endpoint otherwise")]
    public void ToValues() => hub.ToNamesTheRightEndpoint(hub.SutEntries());

    [Then("the operation wrappers and notifier fields of the system under test are unqualified")]
    public void Unqualified() => hub.WrappersUnqualified(hub.SutEntries());

    [Then("the letter of the system under test is in the GovernmentDocument 1.0 and RABIE 1 namespaces")]
    public async Task Namespaces() => hub.LetterInStandardNamespaces(await flows.CurrentSendAsync());

    [Then("the letter of the system under test should use the literal prefixes rsm and ram")]
    public async Task Prefixes() => hub.LetterUsesLiteralPrefixes(await flows.CurrentSendAsync());

    [Given("the hub answers in compact form with the duplicate \"env\" declaration of the SOAP namespace and a bare text\\/xml Content-Type")]
    public Task EnvAlias() => hub.UseVariantAsync(o => o with { WriterOptions = o.WriterOptions with { DeclareEnvAlias = true }, ResponseContentType = "text/xml" });

    [Given("the hub answers the next request of the system under test with HTTP {int}")]
    public void HttpError(int status) => hub.AnswerNextSutRequest(HubFault.HttpError(status));

    [Given("the hub takes the next letter of the system under test but hangs beyond the system's timeout, so the answer is lost")]
    public void AnswerLost() => hub.LoseNextSutAnswer(Operation.SendLetter);

    [Given("the hub has recovered")]
    public void Recovered() => hub.Recover();

    [Then("the system under test did not submit the letter again after the hub refused it as a duplicate")]
    public void NoDuplicateSubmission() => hub.NoSubmissionAfterDuplicateRefusal(sut.CurrentOutbound.Key);

    [Given("the hub answers the next pull of the system under test with a body that is not XML")]
    public async Task Malformed()
    {
        await sut.RememberInboundCountAsync();
        hub.AnswerNextSutRequest(HubFault.MalformedBody(), Operation.Pull);
    }

    [Given("the hub answers the next letter of the system under test with the errors {string} and {string}")]
    public void TwoErrors(string first, string second) => hub.AnswerNextSutRequest(hub.Errors(first, second), Operation.SendLetter);

    [Given("the hub rejects the next letter of the system under test with {string}")]
    public void OneError(string code) => hub.AnswerNextSutRequest(hub.Errors(code), Operation.SendLetter);

    [Given("the hub fails the next delete request of the system under test")]
    public void FailDelete() => hub.AnswerNextSutRequest(HubFault.HttpError(503), Operation.DeleteFromQueue);

    [Given("the hub clock is {int} minutes ahead")]
    public void ClockAhead(int minutes) => hub.ShiftClock(TimeSpan.FromMinutes(minutes));

    [Given("organisation {string} is not registered with the hub")]
    public void Unknown(string organizationId) => hub.RequireUnknown(organizationId);

    [Given("the directory of the system under test still lists organisation {string}, which the hub does not know")]
    public Task Stale(string organizationId) => hub.GiveSutStaleDirectoryEntryAsync(organizationId);

    [Then("the system under test sent no delete request after the malformed answer")]
    public void NoDeleteAfterMalformed() => hub.NoDeleteAfterMalformedAnswer();

    [Then("the system under test created no inbound record from the malformed answer")]
    public Task NoPhantomRecord() => sut.InboundCountUnchangedAsync(sut.InboundCountBefore,
        "An unreadable hub answer must not create an inbound record (checklist A7: no phantom inbound record; R-PULL-2).");

    [Then("exactly one letter with this number and date is active at the hub")]
    public void OneActive() => hub.ExactlyOneActiveLetter(sut.CurrentOutbound);

    [Then("no request of the system under test in this scenario breaks the rules {string}")]
    public void ScenarioRules(string rules) => hub.FailOnFindings(hub.SutEntries(), HubDriver.RuleList(rules));

    [Then("no request in this scenario broke a MUST rule")]
    public void NoMust() => hub.NoMustViolationInScenario();

    [Then("every queue item pulled in this scenario was deleted exactly once")]
    public void DeletedOnce() => hub.EveryPulledItemDeletedOnce();
}
