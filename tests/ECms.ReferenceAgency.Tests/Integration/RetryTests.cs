using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.ReferenceAgency.Faults;
using ECms.ReferenceAgency.Tests.Support;
using ECms.Simulators.Faults;

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
