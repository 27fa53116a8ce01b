using System.Globalization;
using System.Text.Json;
using ECms.Reports.Html;
using ECms.Reports.Json;
using ECms.Reports.JUnit;
using ECms.Reports.Model;
using ECms.Reports.Redaction;
using ECms.Reports.Text;

namespace ECms.Reports.Bundle;

/// <summary>
/// The evidence bundle of a run: report.json, report.html, junit.xml, exchanges.ndjson and a manifest.json with the
/// SHA-256 and size of each. <see cref="Write"/> makes one; <see cref="Verify"/> proves one unchanged and re-renders
/// its HTML, JUnit and journal from report.json to show they say what the report says.
/// </summary>
public static partial class EvidenceBundle
{
    /// <summary>Written into the manifest; re-rendering is compared only when the verifying renderer is the same.</summary>
    public static string Generator { get; } =
        "ECms.Reports " + (typeof(EvidenceBundle).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>Writes the bundle into <paramref name="directory"/> (created if needed; other files are left alone
    /// but make <see cref="Verify"/> fail, so use a fresh directory). The manifest is written last: a bundle cut short
    /// has none and cannot pass for complete.</summary>
    public static BundleManifest Write(RunReport report, string directory, EvidenceBundleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        options ??= EvidenceBundleOptions.Default;
        if (options.Redaction is { } redaction)
        {
            report = ReportRedactor.Redact(report, redaction);
        }

        Directory.CreateDirectory(directory);
        var artifacts = new List<ManifestArtifact>();
        foreach (var (name, bytes) in RenderAll(report))
        {
            File.WriteAllBytes(System.IO.Path.Combine(directory, name), bytes);
            artifacts.Add(new ManifestArtifact(name, Hashing.Sha256Hex(bytes), bytes.LongLength, BundleArtifacts.MediaType(name)));
        }

        var manifest = new BundleManifest
        {
            Generator = Generator,
            Suite = report.Suite,
            Profile = report.Profile,
            Sut = report.Sut,
            Verdict = report.Verdict,
            Started = report.Started,
            Finished = report.Finished,
            Redacted = report.Redaction is not null,
            Artifacts = artifacts,
        };
        File.WriteAllBytes(System.IO.Path.Combine(directory, BundleArtifacts.Manifest),
            ReportJson.Utf8NoBom.GetBytes(JsonSerializer.Serialize(manifest, ReportJson.Options) + "\n"));
        return manifest;
    }

    /// <summary>Every artifact's bytes, in manifest order. One code path for writing and for verifying.</summary>
    internal static IEnumerable<(string Name, byte[] Bytes)> RenderAll(RunReport report)
    {
        yield return (BundleArtifacts.ReportJson, ReportJson.SerializeToUtf8(report));
        foreach (var name in RenderedArtifacts)
        {
            yield return (name, Render(name, report));
        }
    }

    /// <summary>The artifacts that are pure functions of report.json.</summary>
    internal static IReadOnlyList<string> RenderedArtifacts { get; } =
        [BundleArtifacts.ReportHtml, BundleArtifacts.JUnitXml, BundleArtifacts.ExchangesNdjson];

    internal static byte[] Render(string name, RunReport report) => ReportJson.Utf8NoBom.GetBytes(name switch
    {
        BundleArtifacts.ReportHtml => HtmlReport.Render(report),
        BundleArtifacts.JUnitXml => JUnitReport.Render(report),
        BundleArtifacts.ExchangesNdjson => ReportJson.SerializeExchanges(report.Exchanges),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a rendered artifact."),
    });

    private static string Describe(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
