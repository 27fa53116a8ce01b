namespace ECms.Conformance.Containers.Tests.Unit;

/// <summary>Options from a profile: what the container is told, and every mistake caught before the engine is asked.</summary>
public sealed class SutContainerOptionsTests
{
    private static readonly SutContainerOptions Valid = new() { Image = SutContainerOptions.ReferenceAgencyImage };

    public static IEnumerable<TestCaseData> Mistakes()
    {
        yield return new TestCaseData(Valid with { Image = "" }, "The image name \"\" is empty").SetName("Validate_EmptyImage_Refused");
        yield return new TestCaseData(Valid with { Image = "vendor/saraban 1.4" }, "has spaces").SetName("Validate_ImageWithSpace_Refused");
        yield return new TestCaseData(Valid with { ControlPort = 70000 }, "The control port 70000 is not a TCP port").SetName("Validate_PortOutOfRange_Refused");
        yield return new TestCaseData(Valid with { HealthPath = "health" }, "must start with \"/\"").SetName("Validate_RelativeHealthPath_Refused");
        yield return new TestCaseData(Valid with { StartupTimeout = TimeSpan.Zero }, "timeouts must be positive").SetName("Validate_ZeroStartupTimeout_Refused");
        yield return new TestCaseData(Valid with { Environment = new Dictionary<string, string> { ["A=B"] = "1" } }, "\"A=B\" is not an environment variable name")
            .SetName("Validate_VariableNameWithEquals_Refused");
        yield return new TestCaseData(Valid with { EcmsEndpoint = new Uri("/9900100000/ecms-ws01/service2", UriKind.Relative) }, "is not an absolute URL")
            .SetName("Validate_RelativeEndpoint_Refused");
    }

    [TestCaseSource(nameof(Mistakes))]
    public void Validate_Mistake_InvalidOptionsNamingIt(SutContainerOptions options, string expected)
    {
        var error = Should.Throw<ContainerConfigurationException>(options.Validate);

        error.Problem.ShouldBe(ContainerProblem.InvalidOptions);
        error.Message.ShouldContain(expected);
        error.Fix.ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public void Validate_Defaults_Accepted() => Should.NotThrow(Valid.Validate);

    [Test]
    public void ContainerEnvironment_EndpointAndOrganization_PassedWithPortWinningOverTheProfile()
    {
        var options = Valid with
        {
            EcmsEndpoint = new Uri("http://127.0.0.1:41234/9900100000/ecms-ws01/service2"),
            OrganizationId = "9900100000",
            Environment = new Dictionary<string, string> { ["ECMS_AGENCY_PORT"] = "5080", ["ECMS_AGENCY_FAULTS"] = "wrong-wsa-to" },
        };

        var environment = options.ContainerEnvironment(45678);

        environment.ShouldBe(new Dictionary<string, string>
        {
            ["ECMS_AGENCY_PORT"] = "45678",
            ["ECMS_AGENCY_FAULTS"] = "wrong-wsa-to",
            ["ECMS_ENDPOINT"] = "http://127.0.0.1:41234/9900100000/ecms-ws01/service2",
            ["ECMS_ORGANIZATION_ID"] = "9900100000",
        }, ignoreOrder: true);
    }

    [Test]
    public void ContainerEnvironment_VendorVariableNames_Used()
    {
        var options = Valid with { PortVariable = "PORT", EndpointVariable = "HUB_URL", OrganizationIdVariable = "ORG", EcmsEndpoint = new Uri("http://127.0.0.1:1/x"), OrganizationId = "1" };

        var environment = options.ContainerEnvironment(8080);

        environment.Keys.ShouldBe(["PORT", "HUB_URL", "ORG"], ignoreOrder: true);
    }
}
