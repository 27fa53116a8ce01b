using System.Text.Json;
using Shouldly;

namespace ECms.Cli.Tests;

/// <summary>
/// The validator against documents composed from the spec's text alone (not from the rules' code): clean messages
/// pass, and each broken one is caught by the rule the spec names for it.
/// </summary>
public class ValidateCommandTests
{
    private static readonly string[] ValidDocuments =
        ["valid/pull.xml", "valid/delete.xml", "valid/accept-notifier.xml", "valid/withdraw.xml", "valid/time-check.xml", "valid/send-letter.xml"];

    private static IEnumerable<TestCaseData> InvalidDocuments()
    {
        yield return new TestCaseData("invalid/buddhist-era-date.xml", "R-SEND-3").SetName("Validate_BuddhistEraDate_FailsRSend3");
        yield return new TestCaseData("invalid/no-main-letter.xml", "R-SEND-MAIN").SetName("Validate_NoMainLetter_FailsRSendMain");
        yield return new TestCaseData("invalid/two-digit-secret-code.xml", "R-SEND-5").SetName("Validate_TwoDigitSecretCode_FailsRSend5");
        yield return new TestCaseData("invalid/soap12-pull.xml", "R-ENV-7").SetName("Validate_Soap12Envelope_FailsREnv7");
        yield return new TestCaseData("invalid/namespaced-notifier-fields.xml", "R-ENV-5").SetName("Validate_NamespacedNotifierFields_FailsREnv5");
        yield return new TestCaseData("invalid/missing-message-id.xml", "R-ENV-1").SetName("Validate_EmptyMessageId_FailsREnv1");
        yield return new TestCaseData("invalid/external-entity.xml", "R-ENV-0").SetName("Validate_ExternalEntity_FailsREnv0");
        yield return new TestCaseData("invalid/notifier-fields-out-of-order.xml", "R-NTF-1").SetName("Validate_NotifierFieldsOutOfOrder_FailsRNtf1");
    }

    [TestCaseSource(nameof(ValidDocuments))]
    public async Task Validate_SpecConformantDocument_ExitsZero(string document)
    {
        var result = await CliRunner.RunAsync("validate", CliRunner.Document(document));

        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldContain("VALID");
    }

    [TestCaseSource(nameof(InvalidDocuments))]
    public async Task Validate_BrokenDocument_ExitsOneAndNamesTheRule(string document, string rule)
    {
        var result = await CliRunner.RunAsync("validate", CliRunner.Document(document), "--format", "json");

        result.ExitCode.ShouldBe(1, result.Output + result.Error);
        var file = JsonDocument.Parse(result.Output).RootElement[0];
        file.GetProperty("valid").GetBoolean().ShouldBeFalse();
        file.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("level").GetString() == "MUST")
            .Select(f => f.GetProperty("rule").GetString())
            .ShouldContain(rule);
    }

    [Test]
    public async Task Validate_V1AddressingHeader_FailsStrictButPassesLenientWithAWarning()
    {
        var strict = await CliRunner.RunAsync("validate", CliRunner.Document("lenient-only/v1-addressing.xml"), "--format", "json");
        var lenient = await CliRunner.RunAsync("validate", CliRunner.Document("lenient-only/v1-addressing.xml"), "--profile", "lenient", "--format", "json");

        strict.ExitCode.ShouldBe(1);
        lenient.ExitCode.ShouldBe(0, lenient.Output);
        JsonDocument.Parse(lenient.Output).RootElement[0].GetProperty("findings").EnumerateArray()
            .ShouldContain(f => f.GetProperty("rule").GetString() == "R-ENV-2" && f.GetProperty("level").GetString() == "SHOULD");
    }

    [Test]
    public async Task Validate_JsonFormat_HasTheDocumentedShapeAndReadableThai()
    {
        var result = await CliRunner.RunAsync("validate", CliRunner.Document("invalid/buddhist-era-date.xml"), CliRunner.Document("valid/pull.xml"), "--format", "json");

        var files = JsonDocument.Parse(result.Output).RootElement;
        files.GetArrayLength().ShouldBe(2);
        var first = files[0];
        first.GetProperty("file").GetString().ShouldEndWith("buddhist-era-date.xml");
        first.GetProperty("operation").GetString().ShouldBe("SendLetter");
        var finding = first.GetProperty("findings")[0];
        foreach (var property in new[] { "rule", "level", "message", "path" })
        {
            finding.TryGetProperty(property, out _).ShouldBeTrue(property);
        }

        files[1].GetProperty("valid").GetBoolean().ShouldBeTrue();
        result.Output.ShouldNotContain("\\u0E");
    }

    [Test]
    public async Task Validate_OneBadFileAmongGood_ExitsOne()
    {
        var result = await CliRunner.RunAsync("validate", CliRunner.Document("valid/pull.xml"), CliRunner.Document("invalid/soap12-pull.xml"));

        result.ExitCode.ShouldBe(1);
        result.Output.ShouldContain("2 file(s) checked, 1 invalid.");
    }

    [Test]
    public async Task Validate_MissingFile_ExitsTwoWithAFix()
    {
        var result = await CliRunner.RunAsync("validate", "/nonexistent/letter.xml");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("does not exist");
    }

    [Test]
    public async Task Validate_Folder_ExitsTwoAndSuggestsAGlob()
    {
        var result = await CliRunner.RunAsync("validate", CliRunner.Document("valid"));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("*.xml");
    }

    [TestCase("validate")]
    [TestCase("validate", "--profile", "paranoid", "x.xml")]
    [TestCase("validate", "--format", "yaml", "x.xml")]
    [TestCase("frobnicate")]
    public async Task Run_UsageError_ExitsTwo(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldNotBeEmpty();
    }
}
