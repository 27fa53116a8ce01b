using ECms.Protocol;
using ECms.ReferenceAgency.Saraban;
using ECms.ReferenceAgency.Tests.Support;
using ECms.Simulators.Faults;
using Microsoft.Extensions.Time.Testing;

namespace ECms.ReferenceAgency.Tests.Integration;

/// <summary>The agency's own polling schedule, driven by a fake clock; the test waits on the cycle signal, never sleeps.</summary>
public sealed class PollingTimerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Timer_IntervalElapses_PullsAndStoresWithoutControlApi()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(54));
        await using var world = await AgencyWorld.StartAsync(o => o with { TimeProvider = clock, PollInterval = TimeSpan.FromSeconds(60) });
        await world.Peer.SendLetterAsync(world.Peer.Letter(Letters.Sut, "ทบ 9902/800", "ตามเวลา"), world.SutAgency.Endpoint);
        var cycle = NextCycle(world);

        clock.Advance(TimeSpan.FromSeconds(60));
        var result = await cycle.WaitAsync(Wait);

        result.Outcome.ShouldBe(ActionOutcome.Done);
        (await world.Control.InboundAsync()).Count.ShouldBe(1);
        world.Hub.QueueOf(Letters.Sut).ShouldBeEmpty();
    }

    [Test]
    public async Task Timer_BeforeInterval_NoPull()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(54));
        await using var world = await AgencyWorld.StartAsync(o => o with { TimeProvider = clock, PollInterval = TimeSpan.FromSeconds(60) });

        clock.Advance(TimeSpan.FromSeconds(59));
        await world.Control.HealthAsync();

        world.SutTraffic(Operation.Pull).ShouldBeEmpty();
    }

    [Test]
    public async Task Timer_SendFailedDuringOutage_RetriedOnNextTick()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(54));
        await using var world = await AgencyWorld.StartAsync(o => o with { TimeProvider = clock, PollInterval = TimeSpan.FromSeconds(60) });
        world.Hub.InjectFault(HubFault.CloseConnection().ForAgency(Letters.Sut).ForOperation(Operation.SendLetter));
        (await world.Control.ActionAsync("send-letter", Letters.Draft())).Outcome.ShouldBe("hub-error");
        var cycle = NextCycle(world);

        clock.Advance(TimeSpan.FromSeconds(60));
        await cycle.WaitAsync(Wait);

        (await world.Control.OutboundAsync()).Single()!["status"]!.GetValue<string>().ShouldBe("sent");
        world.Hub.AllLetters().Count.ShouldBe(1);
    }

    private static Task<ActionResult> NextCycle(AgencyWorld world)
    {
        var completion = new TaskCompletionSource<ActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Agency.PollingTimer.CycleCompleted += (_, result) => completion.TrySetResult(result);
        return completion.Task;
    }
}
