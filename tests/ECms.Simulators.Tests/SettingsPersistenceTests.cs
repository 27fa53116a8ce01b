using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Client;
using ECms.Simulators.Faults;
using ECms.Simulators.Hub;
using ECms.Simulators.Persistence;
using ECms.Simulators.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ECms.Simulators.Tests;

/// <summary>
/// Run-time settings on a data file: strictness, clock offset and injected faults set while a hub runs are there again
/// when the next hub starts on the same file — faults with what is left of their count, and without the ones whose
/// window closed (in hub time) while no hub was running.
/// </summary>
public class SettingsPersistenceTests
{
    [Test]
    public async Task Restart_StrictnessAndClockSetAtRunTime_AreRestoredAndReported()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        first.Strictness = ValidationProfile.Strict;
        first.Clock.Shift(TimeSpan.FromMinutes(5));
        first.Clock.Shift(TimeSpan.FromMinutes(2));
        await first.DisposeAsync();

        var second = hubs.Start();

        second.Strictness.ShouldBe(ValidationProfile.Strict);
        second.Clock.Offset.ShouldBe(TimeSpan.FromMinutes(7));
        second.Clock.GetUtcNow().ShouldBe(HubRig.Start.AddMinutes(7));
        second.RestoredSettings.ShouldNotBeNull().Describe().ShouldBe(
            ["strictness Strict", "clock offset +00:07:00 (hub time ahead of real time)"]);
    }

    [Test]
    public async Task Restart_AfterAKill_StrictnessSetBackToLenientIsWhatComesBack()
    {
        await using var hubs = new PersistentHubs(o => o with { Strictness = ValidationProfile.Strict });
        var first = hubs.StartFirst();
        first.Strictness = ValidationProfile.Lenient;
        first.Clock.Offset = TimeSpan.FromSeconds(-90);
        first.Abandon();

        var second = hubs.Start();

        second.Strictness.ShouldBe(ValidationProfile.Lenient);
        second.Clock.GetUtcNow().ShouldBe(HubRig.Start.AddSeconds(-90));
    }

    [Test]
    public async Task Restart_FaultWithACountPartlyUsed_AnswersOnlyWhatIsLeft()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        first.InjectFault(HubFault.HttpError(503).ForAgency(HubRig.B).ForOperation(Operation.Pull).Times(3));
        (await hubs.Peer(first, HubRig.B).PullAsync()).HttpStatus.ShouldBe(503);
        await first.DisposeAsync();

        var second = hubs.Start();
        var b = hubs.Peer(second, HubRig.B);
        var restored = second.ActiveFaults.ShouldHaveSingleItem();
        var (hits, remaining) = (restored.Hits, restored.Remaining);
        var pulls = new List<int?>();
        for (var i = 0; i < 3; i++)
        {
            pulls.Add((await b.PullAsync()).HttpStatus);
        }

        (hits, remaining).ShouldBe((1, 2));
        restored.Fault.ToString().ShouldBe("HttpError 503 for 9900200000/Pull ×3");
        pulls.ShouldBe([503, 503, 200]);
        second.ActiveFaults.ShouldBeEmpty();
    }

    [Test]
    public async Task Restart_FaultWindowClosedWhileTheHubWasDown_IsDroppedAndReportedOnce()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        first.InjectFault(HubFault.MalformedBody().ForAgency(HubRig.A).For(TimeSpan.FromMinutes(10)));
        first.InjectFault(HubFault.HttpError(502).ForAgency(HubRig.B).For(TimeSpan.FromHours(1)));
        await first.DisposeAsync();
        hubs.Clock.Advance(TimeSpan.FromMinutes(30));

        var second = hubs.Start();
        var restored = second.RestoredSettings.ShouldNotBeNull();
        var pullByA = await hubs.Peer(second, HubRig.A).PullAsync();
        var pullByB = await hubs.Peer(second, HubRig.B).PullAsync();
        await second.DisposeAsync();
        var third = hubs.Start();

        restored.DroppedFaults.ShouldHaveSingleItem().Fault.Kind.ShouldBe(HubFaultKind.MalformedBody);
        restored.Faults.ShouldHaveSingleItem().Until.ShouldBe(HubRig.Start.AddHours(1));
        restored.Describe().ShouldContain("dropped, ended while the hub was down: fault MalformedBody for 9900100000/every operation within 00:10:00, 0 hit(s), until 2024-06-11 09:40:00 (hub time, Thai)");
        pullByA.Status.ShouldBe(EcmsCallStatus.Success);
        pullByB.HttpStatus.ShouldBe(502);
        third.RestoredSettings.ShouldNotBeNull().DroppedFaults.ShouldBeEmpty();
        third.ActiveFaults.ShouldHaveSingleItem().Hits.ShouldBe(1);
    }

    [Test]
    public async Task Restart_FaultWindowJudgedOnTheRestoredClockOffset()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        first.InjectFault(HubFault.MalformedBody().For(TimeSpan.FromMinutes(10)));
        first.Clock.Shift(TimeSpan.FromMinutes(15));
        first.Abandon();

        var second = hubs.Start();

        second.ActiveFaults.ShouldBeEmpty();
        second.RestoredSettings.ShouldNotBeNull().DroppedFaults.Count.ShouldBe(1);
    }

    private static IEnumerable<TestCaseData> EveryKind() =>
    [
        new TestCaseData(HubFault.HttpError(502)).SetArgDisplayNames("HttpError"),
        new TestCaseData(HubFault.Delayed(TimeSpan.FromSeconds(40))).SetArgDisplayNames("Delay"),
        new TestCaseData(HubFault.CloseConnection()).SetArgDisplayNames("CloseConnection"),
        new TestCaseData(HubFault.MalformedBody()).SetArgDisplayNames("MalformedBody"),
        new TestCaseData(HubFault.BusinessErrors(new ErrorDetail("E120", "วันที่ไม่ถูกต้อง"))).SetArgDisplayNames("ErrorDetails"),
        new TestCaseData(HubFault.AnswerLost()).SetArgDisplayNames("AnswerLost"),
        new TestCaseData(HubFault.AnswerLost(TimeSpan.FromSeconds(12))).SetArgDisplayNames("AnswerLostHeld"),
    ];

    [TestCaseSource(nameof(EveryKind))]
    public async Task Restart_FaultOfEveryKind_ComesBackTheSame(HubFault fault)
    {
        Enum.GetValues<HubFaultKind>().Except(EveryKind().Select(c => ((HubFault)c.Arguments[0]!).Kind))
            .ShouldBeEmpty("a new fault kind needs a case here, so that its fields are known to survive a restart");
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        var injected = first.InjectFault(fault.ForAgency(HubRig.B).ForOperation(Operation.SendLetter).Times(2));
        await first.DisposeAsync();

        var second = hubs.Start();

        var restored = second.ActiveFaults.ShouldHaveSingleItem().Fault;
        var expected = injected.Fault;
        (restored.Kind, restored.StatusCode, restored.Delay, restored.OrganizationId, restored.Operation, restored.Count, restored.Window, restored.NotBefore)
            .ShouldBe((expected.Kind, expected.StatusCode, expected.Delay, expected.OrganizationId, expected.Operation, expected.Count, expected.Window, expected.NotBefore));
        restored.Errors.ShouldBe(expected.Errors);
        restored.AppliesRequest.ShouldBe(fault.Kind == HubFaultKind.AnswerLost);
    }

    [Test]
    public async Task Restart_FaultsDisposedUsedUpOrCleared_AreNotRestored()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        var disposed = first.InjectFault(HubFault.HttpError().ForAgency(HubRig.A));
        first.InjectFault(HubFault.CloseConnection().ForAgency(HubRig.B));
        var kept = first.InjectFault(HubFault.BusinessErrors(new ErrorDetail("E120", "วันที่ไม่ถูกต้อง")).ForOperation(Operation.SendLetter).Times(2));
        disposed.Dispose();
        (await hubs.Peer(first, HubRig.B).PullAsync()).Status.ShouldBe(EcmsCallStatus.ConnectionFailed);
        await first.DisposeAsync();
        var second = hubs.Start();
        var restored = second.ActiveFaults.ShouldHaveSingleItem();
        second.ClearFaults();
        await second.DisposeAsync();

        var third = hubs.Start();

        restored.Fault.ToString().ShouldBe(kept.Fault.ToString());
        restored.Fault.Errors.ShouldBe([new ErrorDetail("E120", "วันที่ไม่ถูกต้อง")]);
        third.ActiveFaults.ShouldBeEmpty();
        third.RestoredSettings.ShouldBeNull();
    }

    [Test]
    public async Task Start_NotRestoringRunTimeSettings_StartsFromTheOptionsAndForgetsTheStoredOnes()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        first.Strictness = ValidationProfile.Strict;
        first.Clock.Shift(TimeSpan.FromHours(1));
        first.InjectFault(HubFault.HttpError().For(TimeSpan.FromDays(1)));
        await first.DisposeAsync();

        var reset = FakeHub.Start(hubs.Options with { RestoreRunTimeSettings = false });
        var (strictness, offset, faults, restored) = (reset.Strictness, reset.Clock.Offset, reset.ActiveFaults.Count, reset.RestoredSettings);
        await reset.DisposeAsync();
        var next = hubs.Start();

        (strictness, offset, faults, restored).ShouldBe((ValidationProfile.Lenient, TimeSpan.Zero, 0, (RestoredSettings?)null));
        next.Strictness.ShouldBe(ValidationProfile.Lenient);
        next.RestoredSettings.ShouldBeNull();
    }

    [Test]
    public async Task Settings_WhenTheStoreRefusesTheWrite_ThrowAndChangeNothing()
    {
        await using var hubs = new PersistentHubs();
        var hub = hubs.StartFirst();
        Sql(hubs.DataFile,
            """
            CREATE TRIGGER refuse_meta BEFORE INSERT ON meta BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;
            CREATE TRIGGER refuse_faults BEFORE INSERT ON faults BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;
            """);

        Should.Throw<HubStoreException>(() => hub.Strictness = ValidationProfile.Strict);
        Should.Throw<HubStoreException>(() => hub.Clock.Shift(TimeSpan.FromMinutes(7)));
        Should.Throw<HubStoreException>(() => hub.InjectFault(HubFault.HttpError()));

        hub.Strictness.ShouldBe(ValidationProfile.Lenient);
        hub.Clock.Offset.ShouldBe(TimeSpan.Zero);
        hub.ActiveFaults.ShouldBeEmpty();
    }

    [Test]
    public async Task Start_OnAVersion1File_UpgradesItKeepingLettersAndThenKeepsSettings()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        var a = hubs.Peer(first, HubRig.A);
        var letter = a.ComposeLetter(HubRig.B, "ทส 31", "จากไฟล์รุ่นแรก");
        (await a.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        await first.DisposeAsync();
        Sql(hubs.DataFile, "DROP TABLE faults; DROP INDEX journal_by_time; PRAGMA user_version = 1;");

        var upgraded = hubs.Start();
        upgraded.InjectFault(HubFault.HttpError().For(TimeSpan.FromHours(1)));
        await upgraded.DisposeAsync();
        var next = hubs.Start();

        upgraded.AllLetters().Single().Key.ShouldBe(letter.Key);
        next.ActiveFaults.Count.ShouldBe(1);
        Sql(hubs.DataFile, "PRAGMA user_version", scalar: true).ShouldBe(SqliteHubStore.SchemaVersion);
    }

    private static long? Sql(string file, string sql, bool scalar = false)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (scalar)
        {
            return (long?)command.ExecuteScalar();
        }

        command.ExecuteNonQuery();
        return null;
    }
}
