namespace ECms.Conformance.Containers.Tests.Unit;

/// <summary>The engine's two time-stamped streams, merged into the order the container wrote them.</summary>
public sealed class SutContainerLogsTests
{
    [Test]
    public void FromTimestamped_TwoStreams_MergedByTimeWithStreamMarked()
    {
        const string Stdout = "2025-11-25T23:40:01.100000000Z starting\n2025-11-25T23:40:01.300000000Z listening\n";
        const string Stderr = "2025-11-25T23:40:01.200000000Z warning: ไม่มีไฟล์\r\n";

        var logs = SutContainerLogs.FromTimestamped(Stdout, Stderr);

        logs.Tail(10).ShouldBe(["starting", "warning: ไม่มีไฟล์", "listening"]);
        logs.Lines[1].IsStandardError.ShouldBeTrue();
        logs.Text.ShouldBe(
            "2025-11-25T23:40:01.100Z stdout starting\n2025-11-25T23:40:01.200Z stderr warning: ไม่มีไฟล์\n2025-11-25T23:40:01.300Z stdout listening\n"
                .Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }

    [Test]
    public void Tail_MoreLinesThanAsked_LastOnesOldestFirst()
    {
        var stdout = string.Concat(Enumerable.Range(1, 50).Select(i => $"2025-11-25T23:40:{i:00}.000000000Z line {i}\n"));

        var tail = SutContainerLogs.FromTimestamped(stdout, "").Tail(3);

        tail.ShouldBe(["line 48", "line 49", "line 50"]);
    }

    [Test]
    public void FromTimestamped_LineWithoutStamp_KeptInPlace()
    {
        var logs = SutContainerLogs.FromTimestamped("2025-11-25T23:40:01.000000000Z first\ncontinued without a stamp\n", "");

        logs.Tail(5).ShouldBe(["first", "continued without a stamp"]);
    }
}
