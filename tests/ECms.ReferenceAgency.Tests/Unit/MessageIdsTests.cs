using ECms.ReferenceAgency.Hub;
using Microsoft.Extensions.Time.Testing;

namespace ECms.ReferenceAgency.Tests.Unit;

public sealed class MessageIdsTests
{
    [Test]
    public void Next_FrozenClock_UniqueAndInThaiTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 11, 2, 30, 12, 457, TimeSpan.Zero));
        var ids = new MessageIds(clock, "agency-a");

        var issued = Enumerable.Range(0, 3).Select(_ => ids.Next()).ToArray();

        issued.ShouldBe(["mid://20240611.093012457@agency-a", "mid://20240611.093012458@agency-a", "mid://20240611.093012459@agency-a"]);
    }

    [Test]
    public void Next_ClockBehindLastIssued_NeverGoesBack()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 11, 2, 30, 0, TimeSpan.Zero));
        var ids = new MessageIds(clock, "a", lastIssued: new DateTimeOffset(2024, 6, 11, 2, 31, 0, TimeSpan.Zero));

        ids.Next().ShouldBe("mid://20240611.093100001@a");
    }
}
