namespace ECms.Reports.Bundle;

/// <summary>The file names of an evidence bundle; fixed, so a reader always knows where to look.</summary>
public static class BundleArtifacts
{
    public const string Manifest = "manifest.json";
    public const string ReportJson = "report.json";
    public const string ReportHtml = "report.html";
    public const string JUnitXml = "junit.xml";
    public const string ExchangesNdjson = "exchanges.ndjson";

    /// <summary>Every artifact besides the manifest, in the order the manifest lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [ReportJson, ReportHtml, JUnitXml, ExchangesNdjson];

    internal static string MediaType(string name) => name switch
    {
        ReportJson => "application/json",
        ReportHtml => "text/html; charset=utf-8",
        JUnitXml => "application/xml",
        ExchangesNdjson => "application/x-ndjson",
        _ => "application/octet-stream",
    };
}
