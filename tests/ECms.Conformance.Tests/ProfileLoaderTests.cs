using System.Text;
using ECms.Conformance.Steps.Profiles;
using ECms.Protocol.Rules;

namespace ECms.Conformance.Tests;

public sealed class ProfileLoaderTests
{
    [Test]
    public void Default_IsTheEmbeddedReferenceAgencyAgainstAStrictHub()
    {
        var profile = ProfileLoader.Default;

        profile.Driver.ShouldBe(SutDriverKind.Embedded);
        profile.HubStrictness.ShouldBe(ValidationProfile.Strict);
        profile.OrganizationId.ShouldBe("9900100000");
        profile.ExpectedDeviations.ShouldBeEmpty();
    }

    [Test]
    public void Load_ShippedProfiles_AllValid()
    {
        var directory = Path.Combine(TestContext.CurrentContext.TestDirectory, "profiles");
        var files = Directory.GetFiles(directory, "*.json");

        files.ShouldNotBeEmpty();
        foreach (var file in files)
        {
            Should.NotThrow(() => ProfileLoader.Load(file), file);
        }
    }

    [Test]
    public void Parse_FullProfile_ReadsEveryField()
    {
        var json = """
            {
              "name": "vendor-ci",
              "sut": { "organizationId": "1100800000", "driver": "control-api", "controlUrl": "http://127.0.0.1:5080/ecms-test/v1" },
              "hub": { "strictness": "lenient", "port": 5099 },
              "peers": { "peer": "1100900000" },
              "timeouts": { "stepSeconds": 4, "manualStepSeconds": 60 },
              "expectedDeviations": [ { "id": "C5", "reason": "cover letter check ships in 2.1" } ],
              "notApplicable": [ { "id": "C11", "reason": "no circular letters" } ]
            }
            """;

        var profile = ProfileLoader.Parse(Encoding.UTF8.GetBytes(json), "vendor-ci.json");

        profile.Driver.ShouldBe(SutDriverKind.ControlApi);
        profile.ControlUrl!.AbsoluteUri.ShouldBe("http://127.0.0.1:5080/ecms-test/v1/");
        profile.HubStrictness.ShouldBe(ValidationProfile.Lenient);
        profile.HubPort.ShouldBe(5099);
        profile.PeerOrganizationId.ShouldBe("1100900000");
        profile.StepTimeout.ShouldBe(TimeSpan.FromSeconds(4));
        profile.ExpectedDeviation("C5")!.Reason.ShouldBe("cover letter check ships in 2.1");
        profile.NotApplicableReason("C11").ShouldNotBeNull();
        profile.Sha256.ShouldNotBeNullOrEmpty();
    }

    [TestCaseSource(nameof(BadProfiles))]
    public void Parse_BadProfile_NamesFieldAndFix(string json, string field)
    {
        var error = Should.Throw<ProfileException>(() => ProfileLoader.Parse(Encoding.UTF8.GetBytes(json), "bad.json"));

        error.Message.ShouldContain("bad.json");
        error.Message.ShouldContain(field);
        error.Message.ShouldContain("Fix:");
    }

    [Test]
    public void Load_MissingFile_SaysWhereItLooked()
    {
        var error = Should.Throw<ProfileException>(() => ProfileLoader.Load("no/such/profile.json"));

        error.Message.ShouldContain("does not exist");
    }

    private static IEnumerable<TestCaseData> BadProfiles()
    {
        TestCaseData Case(string name, string json, string field) => new TestCaseData(json, field).SetName($"Parse_{name}_NamesField");
        yield return Case("NotJson", "{ name: ", "not valid JSON");
        yield return Case("NoSut", """{ "name": "x" }""", "sut");
        yield return Case("NoName", """{ "sut": { "organizationId": "9900100000" } }""", "$.name");
        yield return Case("ShortOrganization", """{ "name": "x", "sut": { "organizationId": "99001" } }""", "sut.organizationId");
        yield return Case("UnknownDriver", """{ "name": "x", "sut": { "organizationId": "9900100000", "driver": "docker" } }""", "sut.driver");
        yield return Case("ContainerWithoutImage", """{ "name": "x", "sut": { "organizationId": "9900100000", "driver": "container" } }""", "sut.image");
        yield return Case("ImageWithoutContainerDriver", """{ "name": "x", "sut": { "organizationId": "9900100000", "image": "a:b" } }""", "sut.image");
        yield return Case("ContainerEnvironmentNotText", """{ "name": "x", "sut": { "organizationId": "9900100000", "driver": "container", "image": "a:b", "environment": { "PORT": 1 } } }""", "sut.environment.PORT");
        yield return Case("ContainerStartupNegative", """{ "name": "x", "sut": { "organizationId": "9900100000", "driver": "container", "image": "a:b", "startupSeconds": -1 } }""", "sut.startupSeconds");
        yield return Case("ControlApiWithoutUrl", """{ "name": "x", "sut": { "organizationId": "9900100000", "driver": "control-api" } }""", "sut.controlUrl");
        yield return Case("RelativeUrl", """{ "name": "x", "sut": { "organizationId": "9900100000", "driver": "control-api", "controlUrl": "ecms-test/v1" } }""", "sut.controlUrl");
        yield return Case("FaultsOnControlApi", """{ "name": "x", "sut": { "organizationId": "9900100000", "driver": "control-api", "controlUrl": "http://127.0.0.1:1/", "faults": ["never-delete"] } }""", "sut.faults");
        yield return Case("UnknownFault", """{ "name": "x", "sut": { "organizationId": "9900100000", "faults": ["be-slow"] } }""", "sut.faults[0]");
        yield return Case("BadStrictness", """{ "name": "x", "sut": { "organizationId": "9900100000" }, "hub": { "strictness": "picky" } }""", "hub.strictness");
        yield return Case("ZeroTimeout", """{ "name": "x", "sut": { "organizationId": "9900100000" }, "timeouts": { "stepSeconds": 0 } }""", "timeouts.stepSeconds");
        yield return Case("UnknownItem", """{ "name": "x", "sut": { "organizationId": "9900100000" }, "expectedDeviations": [ { "id": "Z9", "reason": "r" } ] }""", "expectedDeviations[0].id");
        yield return Case("NoReason", """{ "name": "x", "sut": { "organizationId": "9900100000" }, "expectedDeviations": [ { "id": "C5" } ] }""", "expectedDeviations[0].reason");
        yield return Case("MisspeltField", """{ "name": "x", "sut": { "organizationId": "9900100000" }, "expectedDeviation": [] }""", "expectedDeviation is not a profile field");
        yield return Case("SameCodeTwice", """{ "name": "x", "sut": { "organizationId": "9900200000" } }""", "same organisation code twice");
    }
}
