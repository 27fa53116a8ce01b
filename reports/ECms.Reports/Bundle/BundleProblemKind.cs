namespace ECms.Reports.Bundle;

public enum BundleProblemKind
{
    /// <summary>The directory or its manifest.json does not exist.</summary>
    ManifestMissing,

    /// <summary>manifest.json is not a bundle manifest, or lists a path outside the bundle.</summary>
    ManifestUnreadable,

    /// <summary>One of report.json, report.html, junit.xml, exchanges.ndjson is not in the manifest.</summary>
    ArtifactNotListed,

    /// <summary>A listed file is not there.</summary>
    ArtifactMissing,

    /// <summary>A listed file's size or SHA-256 differs from the manifest.</summary>
    ArtifactChanged,

    /// <summary>A file is in the bundle directory but not in the manifest.</summary>
    UnlistedFile,

    /// <summary>report.json cannot be read as a report, so nothing can be re-rendered from it.</summary>
    ReportUnreadable,

    /// <summary>A rendered artifact is not what report.json renders to.</summary>
    RenderMismatch,
}
