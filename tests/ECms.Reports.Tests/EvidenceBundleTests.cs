using System.Text.Json;
using System.Text.RegularExpressions;
using ECms.Reports.Bundle;
using ECms.Reports.Html;
using ECms.Reports.Json;
using ECms.Reports.Model;
using ECms.Reports.Tests.Support;
using ECms.Reports.Text;

namespace ECms.Reports.Tests;

public sealed class EvidenceBundleTests : IDisposable
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = new TempDirectory();

    [TearDown]
    public void Dispose() => _dir.Dispose();

    [Test]
    public void Write_Certification_WritesEveryArtifactAndAManifestOfThem()
    {
        var report = SampleRuns.Certification();

        var manifest = EvidenceBundle.Write(report, _dir.Path);

        Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["exchanges.ndjson", "junit.xml", "manifest.json", "report.html", "report.json"]);
        manifest.Artifacts.Select(a => a.Path).ShouldBe(["report.json", "report.html", "junit.xml", "exchanges.ndjson"]);
        foreach (var artifact in manifest.Artifacts)
        {
            var bytes = File.ReadAllBytes(_dir.File(artifact.Path));
            artifact.Size.ShouldBe(bytes.LongLength);
            artifact.Sha256.ShouldBe(Hashing.Sha256Hex(bytes));
        }

        manifest.Suite.Version.ShouldBe("0.1.0");
        manifest.Profile!.Name.ShouldBe("reference-agency");
        File.ReadAllLines(_dir.File("exchanges.ndjson")).Length.ShouldBe(report.Exchanges.Count);
    }

    [Test]
    public void Write_Manifest_MatchesApproved()
    {
        var report = SampleRuns.Certification();

        EvidenceBundle.Write(report, _dir.Path);

        // Hashes and the version change whenever a renderer changes; the shape and the fields are what is pinned here.
        var manifest = Regex.Replace(File.ReadAllText(_dir.File("manifest.json")), "\"(sha256|size)\": (\"[0-9a-f]{64}\"|\\d+)", "\"$1\": <$1>")
            .Replace(EvidenceBundle.Generator, "ECms.Reports <version>", StringComparison.Ordinal);
        manifest.ShouldMatchApproved(Approvals.For("json"));
    }

    [Test]
    public void Write_SameReportTwice_GivesIdenticalBundles()
    {
        var report = SampleRuns.Certification();
        using var other = new TempDirectory();

        EvidenceBundle.Write(report, _dir.Path);
        EvidenceBundle.Write(ReportJson.Read(_dir.File("report.json")), other.Path);

        File.ReadAllBytes(other.File("manifest.json")).ShouldBe(File.ReadAllBytes(_dir.File("manifest.json")));
    }

    [Test]
    public void Verify_FreshBundle_IsIntactAndReRendersIdentically()
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);

        var result = EvidenceBundle.Verify(_dir.Path);

        result.IsIntact.ShouldBeTrue(result.ToString());
        result.ExitCode.ShouldBe(0);
        result.Artifacts.Select(a => a.Status).ShouldAllBe(s => s == ArtifactStatus.Intact);
        result.Renders.Select(r => (r.Path, r.Status)).ShouldBe(
        [
            ("report.html", RenderCheckStatus.Matches), ("junit.xml", RenderCheckStatus.Matches), ("exchanges.ndjson", RenderCheckStatus.Matches),
        ]);
        result.ManifestSha256.ShouldBe(Hashing.Sha256Hex(File.ReadAllBytes(_dir.File("manifest.json"))));
        result.ToString().ShouldStartWith("INTACT: ");
    }

    [Test]
    public void Verify_BundleOfARunWhereTheSutDied_IsIntact()
    {
        EvidenceBundle.Write(SampleRuns.SutDiedMidway(), _dir.Path);

        var result = EvidenceBundle.Verify(_dir.Path);

        result.IsIntact.ShouldBeTrue(result.ToString());
    }

    private static IEnumerable<TestCaseData> Artifacts() =>
        BundleArtifacts.All.Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [TestCaseSource(nameof(Artifacts))]
    public void Verify_OneByteChangedInAnArtifact_ReportsItChanged(string name)
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);
        var bytes = File.ReadAllBytes(_dir.File(name));
        var middle = bytes.Length / 2;
        bytes[middle] = (byte)(bytes[middle] == (byte)'x' ? 'y' : 'x');
        File.WriteAllBytes(_dir.File(name), bytes);

        var result = EvidenceBundle.Verify(_dir.Path);

        result.IsIntact.ShouldBeFalse();
        result.ExitCode.ShouldBe(1);
        result.Problems.ShouldContain(p => p.Kind == BundleProblemKind.ArtifactChanged && p.Path == name);
        result.Artifacts.Single(a => a.Path == name).Status.ShouldBe(ArtifactStatus.Changed);
        result.Artifacts.Where(a => a.Path != name).ShouldAllBe(a => a.Status == ArtifactStatus.Intact);
        result.ToString().ShouldContain($"CHANGED  {name}");
    }

    [Test]
    public void Verify_OneByteChangedInTheManifest_IsDetected()
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);
        var manifest = File.ReadAllText(_dir.File("manifest.json"));
        var hash = JsonDocument.Parse(manifest).RootElement.GetProperty("artifacts")[1].GetProperty("sha256").GetString()!;
        var forged = hash[..^1] + (hash[^1] == '0' ? '1' : '0');
        File.WriteAllText(_dir.File("manifest.json"), manifest.Replace(hash, forged, StringComparison.Ordinal));

        var result = EvidenceBundle.Verify(_dir.Path);

        result.Problems.ShouldHaveSingleItem().Kind.ShouldBe(BundleProblemKind.ArtifactChanged);
        result.Problems[0].Path.ShouldBe("report.html");
    }

    [TestCaseSource(nameof(Artifacts))]
    public void Verify_ArtifactMissing_ReportsItMissing(string name)
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);
        File.Delete(_dir.File(name));

        var result = EvidenceBundle.Verify(_dir.Path);

        result.Problems.ShouldContain(p => p.Kind == BundleProblemKind.ArtifactMissing && p.Path == name);
        result.Artifacts.Single(a => a.Path == name).Status.ShouldBe(ArtifactStatus.Missing);
        result.ExitCode.ShouldBe(1);
    }

    [Test]
    public void Verify_ManifestMissing_SaysTheBundleIsIncomplete()
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);
        File.Delete(_dir.File("manifest.json"));

        var result = EvidenceBundle.Verify(_dir.Path);

        result.Problems.ShouldHaveSingleItem().Kind.ShouldBe(BundleProblemKind.ManifestMissing);
        result.ExitCode.ShouldBe(1);
    }

    [TestCase("notes.txt")]
    [TestCase("sub/extra.pdf")]
    public void Verify_ExtraFile_ReportsItUnlisted(string extra)
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(_dir.File(extra))!);
        File.WriteAllText(_dir.File(extra), "added later");

        var result = EvidenceBundle.Verify(_dir.Path);

        result.Problems.ShouldHaveSingleItem().ShouldBe(new BundleProblem(BundleProblemKind.UnlistedFile, extra, "is in the bundle directory but not in the manifest."));
        result.Artifacts.Single(a => a.Path == extra).Status.ShouldBe(ArtifactStatus.Unlisted);
    }

    [Test]
    public void Verify_HtmlEditedAndManifestUpdatedToMatch_IsCaughtByReRendering()
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);
        var html = File.ReadAllText(_dir.File("report.html")).Replace("data-verdict=\"Failed\"", "data-verdict=\"Passed\"", StringComparison.Ordinal);
        File.WriteAllText(_dir.File("report.html"), html);
        Rehash("report.html");

        var result = EvidenceBundle.Verify(_dir.Path);

        result.Artifacts.ShouldAllBe(a => a.Status == ArtifactStatus.Intact);
        result.Problems.ShouldHaveSingleItem().Kind.ShouldBe(BundleProblemKind.RenderMismatch);
        result.Renders.Single(r => r.Path == "report.html").Status.ShouldBe(RenderCheckStatus.Differs);
    }

    [Test]
    public void Verify_ReportJsonUnreadable_SaysSoInsteadOfThrowing()
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);
        File.WriteAllText(_dir.File("report.json"), "{ not json");
        Rehash("report.json");

        var result = EvidenceBundle.Verify(_dir.Path);

        result.Problems.ShouldHaveSingleItem().Kind.ShouldBe(BundleProblemKind.ReportUnreadable);
        result.Renders.ShouldAllBe(r => r.Status == RenderCheckStatus.NotCompared);
    }

    [TestCase("../outside.txt")]
    [TestCase("/etc/passwd")]
    [TestCase("manifest.json")]
    public void Verify_ManifestListingAPathOutsideTheBundle_IsRefused(string path)
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);
        var manifest = File.ReadAllText(_dir.File("manifest.json")).Replace("\"path\": \"junit.xml\"", $"\"path\": \"{path}\"", StringComparison.Ordinal);
        File.WriteAllText(_dir.File("manifest.json"), manifest);

        var result = EvidenceBundle.Verify(_dir.Path);

        result.Problems.ShouldHaveSingleItem().Kind.ShouldBe(BundleProblemKind.ManifestUnreadable);
        result.Artifacts.ShouldBeEmpty();
    }

    [Test]
    public void Verify_ManifestWithoutARequiredArtifact_SaysWhichOne()
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);
        var manifest = JsonSerializer.Deserialize<BundleManifest>(File.ReadAllText(_dir.File("manifest.json")), ReportJson.Options)!;
        var trimmed = manifest with { Artifacts = manifest.Artifacts.Where(a => a.Path != "junit.xml").ToList() };
        File.WriteAllText(_dir.File("manifest.json"), JsonSerializer.Serialize(trimmed, ReportJson.Options));

        var result = EvidenceBundle.Verify(_dir.Path);

        result.Problems.Select(p => (p.Kind, p.Path)).ShouldBe(
            [(BundleProblemKind.ArtifactNotListed, "junit.xml"), (BundleProblemKind.UnlistedFile, "junit.xml")], ignoreOrder: true);
    }

    [Test]
    public void Verify_DirectoryThatDoesNotExist_IsAProblemNotAnException()
    {
        var result = EvidenceBundle.Verify(Path.Combine(_dir.Path, "nowhere"));

        result.Problems.ShouldHaveSingleItem().Message.ShouldBe("the directory does not exist.");
    }

    [Test]
    public void Verify_BundleFromAnotherRendererVersion_ChecksHashesButDoesNotCompareRenderings()
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);
        var manifest = File.ReadAllText(_dir.File("manifest.json")).Replace(EvidenceBundle.Generator, "ECms.Reports 9.9.9", StringComparison.Ordinal);
        File.WriteAllText(_dir.File("manifest.json"), manifest);

        var result = EvidenceBundle.Verify(_dir.Path);

        result.IsIntact.ShouldBeTrue(result.ToString());
        result.Renders.ShouldAllBe(r => r.Status == RenderCheckStatus.NotCompared && r.Note!.Contains("9.9.9"));
    }

    [Test]
    public void Write_RenderedHtml_IsWhatHtmlReportRendersFromTheWrittenJson()
    {
        EvidenceBundle.Write(SampleRuns.Certification(), _dir.Path);

        var rendered = HtmlReport.Render(ReportJson.Read(_dir.File("report.json")));

        File.ReadAllText(_dir.File("report.html")).ShouldBe(rendered);
    }

    /// <summary>What a careful forger does: edit an artifact and update its manifest entry to match.</summary>
    private void Rehash(string name)
    {
        var manifest = JsonSerializer.Deserialize<BundleManifest>(File.ReadAllText(_dir.File("manifest.json")), ReportJson.Options)!;
        var bytes = File.ReadAllBytes(_dir.File(name));
        var updated = manifest with
        {
            Artifacts = manifest.Artifacts.Select(a => a.Path == name ? a with { Sha256 = Hashing.Sha256Hex(bytes), Size = bytes.LongLength } : a).ToList(),
        };
        File.WriteAllText(_dir.File("manifest.json"), JsonSerializer.Serialize(updated, ReportJson.Options));
    }
}
