using ECms.Protocol;
using ECms.ReferenceAgency.Tests.Support;

namespace ECms.ReferenceAgency.Tests.Integration;

/// <summary>A restart loses nothing: the agency is stopped and started again on the same SQLite file.</summary>
public sealed class PersistenceTests
{
    [Test]
    public async Task Restart_SameDataFile_RegistersNumberingAndConfigurationKept()
    {
        await using var world = await AgencyWorld.StartAsync();
        await world.Control.ActionAsync("send-letter", Letters.Draft());
        await world.Peer.SendLetterAsync(world.Peer.Letter(Letters.Sut, "ทบ 9902/700", "ก่อนเริ่มใหม่"), world.SutAgency.Endpoint);
        await world.Control.ActionAsync("poll");
        var firstNumber = (await world.Control.ActionAsync("register", Letters.Key("ทบ 9902/700", date: "2024-06-12")))["acceptId"]!;
        var outboundBefore = (await world.Control.OutboundAsync()).ToJsonString();

        await world.RestartAgencyAsync();
        await world.Peer.SendLetterAsync(world.Peer.Letter(Letters.Sut, "ทบ 9902/701", "หลังเริ่มใหม่"), world.SutAgency.Endpoint);
        await world.Control.ActionAsync("poll");
        var secondNumber = (await world.Control.ActionAsync("register", Letters.Key("ทบ 9902/701", date: "2024-06-12")))["acceptId"]!;

        (await world.Control.OutboundAsync()).ToJsonString().ShouldBe(outboundBefore);
        var inbound = await world.Control.InboundAsync();
        inbound.Select(l => l!["acceptId"]!.GetValue<string>()).ShouldBe([firstNumber, secondNumber]);
        secondNumber.ShouldNotBe(firstNumber);
        secondNumber[^5..].ShouldBe((int.Parse(firstNumber[^5..], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString("D5", System.Globalization.CultureInfo.InvariantCulture));
        (await world.Control.ActionAsync("send-letter", Letters.Draft())).Outcome.ShouldBe("refused");
    }

    [Test]
    public async Task Restart_ConfiguredThroughControlApi_ConfigurationKept()
    {
        await using var world = await AgencyWorld.StartAsync(o => o with { EcmsEndpoint = null, OrganizationId = null });
        await world.Control.ActionAsync("configure", new { ecmsEndpoint = world.SutAgency.Endpoint.AbsoluteUri, organizationId = Letters.Sut });

        await world.RestartAgencyAsync();
        var poll = await world.Control.ActionAsync("poll");

        (await world.Control.HealthAsync())["organizationId"].ShouldBe(Letters.Sut);
        poll.Outcome.ShouldBe("done");
        world.SutTraffic(Operation.Pull).Count.ShouldBe(1);
    }

    [Test]
    public async Task Restart_MessageIdsNeverRepeat()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 6, 11, 2, 30, 0, TimeSpan.Zero));
        await using var world = await AgencyWorld.StartAsync(o => o with { TimeProvider = clock });
        await world.Control.ActionAsync("poll");
        await world.Control.ActionAsync("poll");

        await world.RestartAgencyAsync();
        await world.Control.ActionAsync("poll");

        var ids = world.SutTraffic().Select(e => e.Request!.Header.MessageId).ToArray();
        ids.Length.ShouldBe(3);
        ids.Distinct().Count().ShouldBe(3);
        ids[0].ShouldBe("mid://20240611.093000000@reference-agency");
    }

    [Test]
    public async Task Start_DataFileFromNewerVersion_ConfigurationErrorNamingFix()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newer-{Guid.NewGuid():N}.db");
        await (await ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions { DataPath = path })).DisposeAsync();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        try
        {
            var error = await Should.ThrowAsync<ReferenceAgencyConfigurationException>(
                () => ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions { DataPath = path }));

            error.Message.ShouldContain("newer");
            error.Message.ShouldContain("Fix:");
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Test]
    public async Task Stop_NoDataPath_TemporaryFileDeleted()
    {
        var agency = await ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions());
        var file = agency.DataLocation.Split('(', ')')[1].Split(',')[0];
        var existedWhileRunning = File.Exists(file);

        await agency.DisposeAsync();

        existedWhileRunning.ShouldBeTrue();
        File.Exists(file).ShouldBeFalse();
    }
}
