using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.ReferenceAgency.Faults;
using ECms.ReferenceAgency.Tests.Support;
using ECms.Simulators.Faults;
using ECms.Simulators.Journal;

namespace ECms.ReferenceAgency.Tests.Integration;

/// <summary>Hub outages and lost answers (checklist A6): the letter is never shown as sent too early and never duplicated.</summary>
public sealed class RetryTests
{
    [Test]
    public async Task SendLetter_HubUnavailableThenRecovered_RetrySendsExactlyOneLetter()
    {
        await using var world = await AgencyWorld.StartAsync();
        world.Hub.InjectFault(HubFault.HttpError(503).ForAgency(Letters.Sut).ForOperation(Operation.SendLetter));

        var failed = await world.Control.ActionAsync("send-letter", Letters.Draft());
        var listedAfterFailure = await world.Control.OutboundAsync();
        var retried = await world.Control.ActionAsync("send-letter", Letters.Draft());

        failed.Outcome.ShouldBe("hub-error");
        listedAfterFailure.ShouldBeEmpty();
        retried.Outcome.ShouldBe("done", retried.ToString());
        world.Hub.AllLetters().Count.ShouldBe(1);
        (await world.Control.OutboundAsync()).Single()!["processId"]!.GetValue<string>().ShouldBe(world.Hub.AllLetters()[0].SubmissionProcessId);
    }

    [Test]
    public async Task SendLetter_HubHangsPastTimeout_ReportedFailedThenRetrySends()
    {
        await using var world = await AgencyWorld.StartAsync(o => o with { HubTimeout = TimeSpan.FromMilliseconds(500) });
        world.Hub.InjectFault(HubFault.Delayed(TimeSpan.FromSeconds(5)).ForAgency(Letters.Sut).ForOperation(Operation.SendLetter));

        var failed = await world.Control.ActionAsync("send-letter", Letters.Draft());
        var retried = await world.Control.ActionAsync("send-letter", Letters.Draft());

        failed.Outcome.ShouldBe("hub-error");
        failed.Body["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("TIMEOUT");
        retried.Outcome.ShouldBe("done", retried.ToString());
        world.SutTraffic(Operation.OutboundStatus).Count.ShouldBe(1);
        world.Hub.AllLetters().Count.ShouldBe(1);
    }

    [Test]
    public async Task SendLetter_AnswerLost_RetryFindsLetterAtHubAndSendsNothingAgain()
    {
        await using var world = await AgencyWorld.StartAsync(o => o, ValidationProfile.Lenient, behindProxy: true);
        await world.Control.ActionAsync("refresh-directory");
        world.Proxy!.LoseNextAnswers(1);

        var lost = await world.Control.ActionAsync("send-letter", Letters.Draft());
        var retried = await world.Control.ActionAsync("resend", Letters.Key());

        lost.Outcome.ShouldBe("hub-error");
        retried.Outcome.ShouldBe("done", retried.ToString());
        world.SutTraffic(Operation.SendLetter).Count.ShouldBe(1);
        world.Hub.AllLetters().Single().SubmissionProcessId.ShouldBe(retried["processId"]);
        (await world.Control.OutboundAsync()).Single()!["status"]!.GetValue<string>().ShouldBe("sent");
    }

    [Test]
    public async Task SendLetter_AnswerLostAndNoOutboundStatus_DuplicateErrorOnRetryCountsAsSent()
    {
        await using var world = await AgencyWorld.StartAsync(o => o, ValidationProfile.Lenient, behindProxy: true);
        await world.Control.ActionAsync("refresh-directory");
        world.Hub.InjectFault(HubFault.BusinessErrors(new ErrorDetail("E100", "not offered")).ForAgency(Letters.Sut).ForOperation(Operation.OutboundStatus));
        world.Proxy!.LoseNextAnswers(1);

        await world.Control.ActionAsync("send-letter", Letters.Draft());
        var retried = await world.Control.ActionAsync("send-letter", Letters.Draft());

        retried.Outcome.ShouldBe("done", retried.ToString());
        world.SutTraffic(Operation.SendLetter).Select(e => e.Errors.Count > 0 ? e.Errors[0].Code : null).ShouldBe([null, "E300"]);
        world.Hub.AllLetters().Count.ShouldBe(1);
        (await world.Control.OutboundAsync()).Single()!["status"]!.GetValue<string>().ShouldBe("sent");
    }

    public static IEnumerable<TestCaseData> LostAnswers()
    {
        // The hub takes the letter and closes the connection: the agency sees a broken connection.
        yield return new TestCaseData(HubFault.AnswerLost(), "TIMEOUT").SetName("SendLetter_HubAppliedItConnectionClosed_RetryAdoptsItFromOutboundStatus");
        // The hub takes the letter and holds the answer past the agency's timeout (A6's hang).
        yield return new TestCaseData(HubFault.AnswerLost(TimeSpan.FromMinutes(2)), "TIMEOUT").SetName("SendLetter_HubAppliedItAndHung_RetryAdoptsItFromOutboundStatus");
        // The hub takes the letter; the agency waits longer than the hold and gets the gateway's 504.
        yield return new TestCaseData(HubFault.AnswerLost(TimeSpan.FromMilliseconds(300)), "HTTP-STATUS").SetName("SendLetter_HubAppliedItThen504_RetryAdoptsItFromOutboundStatus");
    }

    [TestCaseSource(nameof(LostAnswers))]
    public async Task SendLetter_HubAppliedItAndTheAnswerWasLost_NotShownSentThenRetryAdoptsItWithoutSendingAgain(HubFault fault, string shownCode)
    {
        await using var world = await AgencyWorld.StartAsync(o => o with { HubTimeout = TimeSpan.FromSeconds(2) });
        await world.Control.ActionAsync("refresh-directory");
        world.Hub.InjectFault(fault.ForAgency(Letters.Sut).ForOperation(Operation.SendLetter));

        var lost = await world.Control.ActionAsync("send-letter", Letters.Draft());
        var listedAfterLoss = await world.Control.OutboundAsync();
        var retried = await world.Control.ActionAsync("send-letter", Letters.Draft());

        lost.Outcome.ShouldBe("hub-error", lost.ToString());
        lost.Body["errors"]![0]!["code"]!.GetValue<string>().ShouldBe(shownCode);
        listedAfterLoss.ShouldBeEmpty();
        retried.Outcome.ShouldBe("done", retried.ToString());
        retried["recoveredFrom"].ShouldBe("outbound-status");
        world.SutTraffic(Operation.SendLetter).Count.ShouldBe(1);
        world.SutTraffic(Operation.OutboundStatus).Count.ShouldBe(1);
        var atHub = world.Hub.AllLetters().ShouldHaveSingleItem();
        var listed = (await world.Control.OutboundAsync()).ShouldHaveSingleItem()!;
        listed["status"]!.GetValue<string>().ShouldBe("sent");
        listed["processId"]!.GetValue<string>().ShouldBe(atHub.SubmissionProcessId);
    }

    [Test]
    public async Task BlindRetry_HubAppliedItAndHung_ResendsIntoDuplicateRefusalsAndNeverShowsTheLetterSent()
    {
        await using var world = await AgencyWorld.StartAsync(o => o with { HubTimeout = TimeSpan.FromSeconds(2), Faults = new HashSet<AgencyFault> { AgencyFault.BlindRetry } });
        await world.Control.ActionAsync("refresh-directory");
        world.Hub.InjectFault(HubFault.AnswerLost(TimeSpan.FromMinutes(2)).ForAgency(Letters.Sut).ForOperation(Operation.SendLetter));

        var lost = await world.Control.ActionAsync("send-letter", Letters.Draft());
        var retried = await world.Control.ActionAsync("send-letter", Letters.Draft());

        lost.Outcome.ShouldBe("hub-error");
        retried.Outcome.ShouldBe("hub-error");
        var sends = world.SutTraffic(Operation.SendLetter);
        sends.Select(e => e.Outcome).ShouldBe([ExchangeOutcome.Accepted, ExchangeOutcome.Rejected, ExchangeOutcome.Rejected]);
        sends.Skip(1).ShouldAllBe(e => e.HasFinding("R-SEND-DUP") && e.Errors.Single().Code == "E300");
        world.SutTraffic(Operation.OutboundStatus).ShouldBeEmpty();
        world.Hub.AllLetters().Count.ShouldBe(1);
        (await world.Control.OutboundAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task BlindRetry_AnswerLost_DuplicateSubmissionsAndLetterLeftUnsent()
    {
        await using var world = await AgencyWorld.StartAsync(o => o with { Faults = new HashSet<AgencyFault> { AgencyFault.BlindRetry } }, ValidationProfile.Lenient, behindProxy: true);
        await world.Control.ActionAsync("refresh-directory");
        world.Proxy!.LoseNextAnswers(1);

        var response = await world.Control.ActionAsync("send-letter", Letters.Draft());

        response.Outcome.ShouldBe("hub-error");
        world.SutTraffic(Operation.SendLetter).Count.ShouldBeGreaterThan(1);
        world.SutTraffic(Operation.OutboundStatus).ShouldBeEmpty();
        world.Hub.AllLetters().Count.ShouldBe(1);
        (await world.Control.OutboundAsync()).ShouldBeEmpty();
    }
}
