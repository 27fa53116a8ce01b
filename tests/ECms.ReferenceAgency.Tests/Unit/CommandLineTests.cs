using ECms.ReferenceAgency.Faults;

namespace ECms.ReferenceAgency.Tests.Unit;

public sealed class CommandLineTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static IEnumerable<TestCaseData> BadConfigurations() =>
    [
        new TestCaseData(new[] { "--port", "abc" }, "--port 5080").SetName("Parse_PortNotANumber_NamesFix"),
        new TestCaseData(new[] { "--port", "70000" }, "1 to 65535").SetName("Parse_PortOutOfRange_NamesFix"),
        new TestCaseData(new[] { "--ecms-endpoint", "not-a-url", "--organization-id", "9900100000" }, "--ecms-endpoint http://").SetName("Parse_EndpointNotAUrl_NamesFix"),
        new TestCaseData(new[] { "--ecms-endpoint", "http://127.0.0.1:1/x/ecms-ws01/service2" }, "--organization-id").SetName("Parse_EndpointWithoutOrganization_NamesFix"),
        new TestCaseData(new[] { "--ecms-endpoint", "http://127.0.0.1:1/x", "--organization-id", "99-001" }, "--organization-id 9900100000").SetName("Parse_OrganizationNotDigits_NamesFix"),
        new TestCaseData(new[] { "--fault", "nope" }, "--list-faults").SetName("Parse_UnknownFault_NamesFix"),
        new TestCaseData(new[] { "--poll-interval", "-5" }, "--poll-interval 30").SetName("Parse_NegativeInterval_NamesFix"),
        new TestCaseData(new[] { "--batch-limit", "0" }, "1 or more").SetName("Parse_ZeroBatch_NamesFix"),
        new TestCaseData(new[] { "--data", "/no/such/folder/agency.db" }, "create").SetName("Parse_DataFolderMissing_NamesFix"),
        new TestCaseData(new[] { "--port" }, "--port 5080").SetName("Parse_OptionWithoutValue_NamesFix"),
        new TestCaseData(new[] { "--colour", "red" }, "--help").SetName("Parse_UnknownOption_NamesFix"),
    ];

    [TestCaseSource(nameof(BadConfigurations))]
    public void Parse_BadConfiguration_ErrorNamesTheFix(string[] args, string fix)
    {
        var (options, error) = CommandLine.Parse(args, NoEnvironment, out var exitEarly);

        options.ShouldBeNull();
        exitEarly.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldContain(fix);
    }

    [Test]
    public void Parse_IssueExample_AllValuesTaken()
    {
        string[] args = ["--port", "5080", "--ecms-endpoint", "http://127.0.0.1:41234/9900100000/ecms-ws01/service2",
            "--organization-id", "9900100000", "--data", "./agency.db", "--fault", "buddhist-era-dates", "--fault", "never-delete"];

        var (options, error) = CommandLine.Parse(args, NoEnvironment, out _);

        error.ShouldBeNull();
        options!.Port.ShouldBe(5080);
        options.EcmsEndpoint!.AbsoluteUri.ShouldBe("http://127.0.0.1:41234/9900100000/ecms-ws01/service2");
        options.OrganizationId.ShouldBe("9900100000");
        options.DataPath.ShouldBe("./agency.db");
        options.Faults.ShouldBe([AgencyFault.BuddhistEraDates, AgencyFault.NeverDelete], ignoreOrder: true);
    }

    [Test]
    public void Parse_EnvironmentOnly_ValuesTakenFromEcmsVariables()
    {
        var environment = new Dictionary<string, string>
        {
            ["ECMS_AGENCY_PORT"] = "5081",
            ["ECMS_ENDPOINT"] = "http://127.0.0.1:41234/9900100000/ecms-ws01/service2",
            ["ECMS_ORGANIZATION_ID"] = "9900100000",
            ["ECMS_AGENCY_FAULTS"] = "soap12-envelope, wrong-wsa-to",
            ["ECMS_AGENCY_POLL_INTERVAL"] = "30",
            ["ECMS_AGENCY_STATIC_CONFIG"] = "true",
        };

        var (options, _) = CommandLine.Parse([], name => environment.GetValueOrDefault(name), out _);

        options!.Port.ShouldBe(5081);
        options.OrganizationId.ShouldBe("9900100000");
        options.Faults.ShouldBe([AgencyFault.Soap12Envelope, AgencyFault.WrongWsaTo], ignoreOrder: true);
        options.PollInterval.ShouldBe(TimeSpan.FromSeconds(30));
        options.StaticConfiguration.ShouldBeTrue();
    }

    [Test]
    public void Parse_FlagAndEnvironment_FlagWins()
    {
        var (options, _) = CommandLine.Parse(["--port", "6000"], name => name == "ECMS_AGENCY_PORT" ? "5081" : null, out _);

        options!.Port.ShouldBe(6000);
    }

    [Test]
    public void Parse_Help_UsageListsEveryEnvironmentVariable()
    {
        CommandLine.Parse(["--help"], NoEnvironment, out var usage);

        usage.ShouldNotBeNull();
        foreach (var variable in new[] { "ECMS_AGENCY_PORT", "ECMS_ENDPOINT", "ECMS_ORGANIZATION_ID", "ECMS_AGENCY_DATA", "ECMS_AGENCY_FAULTS" })
        {
            usage.ShouldContain(variable);
        }
    }

    [Test]
    public async Task StartAsync_DataFileNotADatabase_ConfigurationErrorNamingFix()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-db-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(path, "this is a text file, not SQLite, and it is long enough to have a header page");
        try
        {
            var error = await Should.ThrowAsync<ReferenceAgencyConfigurationException>(
                () => ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions { DataPath = path }));

            error.Message.ShouldContain("Fix:");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task StartAsync_PortTaken_ConfigurationErrorNamingFix()
    {
        await using var first = await ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions());

        var error = await Should.ThrowAsync<ReferenceAgencyConfigurationException>(
            () => ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions { Port = first.BaseUrl.Port }));

        error.Message.ShouldContain("--port");
    }
}
