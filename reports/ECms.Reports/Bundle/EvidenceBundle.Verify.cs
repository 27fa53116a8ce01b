using System.Text.Json;
using ECms.Reports.Json;
using ECms.Reports.Model;
using ECms.Reports.Text;

namespace ECms.Reports.Bundle;

public static partial class EvidenceBundle
{
    /// <summary>
    /// Recomputes every hash and size in the manifest, reports changed, missing and unlisted files, and re-renders
    /// report.html, junit.xml and exchanges.ndjson from report.json to show they match. Never throws for a bad
    /// bundle: everything wrong is a <see cref="BundleProblem"/>.
    /// </summary>
    public static BundleVerification Verify(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = System.IO.Path.GetFullPath(directory);
        var manifestPath = System.IO.Path.Combine(full, BundleArtifacts.Manifest);
        if (!File.Exists(manifestPath))
        {
            return new BundleVerification
            {
                Directory = full,
                Problems = [new BundleProblem(BundleProblemKind.ManifestMissing, BundleArtifacts.Manifest,
                    Directory.Exists(full) ? "manifest.json is missing; this is not a complete evidence bundle." : "the directory does not exist.")],
            };
        }

        var manifestBytes = File.ReadAllBytes(manifestPath);
        var problems = new List<BundleProblem>();
        var manifest = ReadManifest(manifestBytes, problems);
        var checks = new List<ArtifactCheck>();
        var renders = new List<RenderCheck>();
        if (manifest is not null)
        {
            CheckArtifacts(full, manifest, checks, problems);
            CheckRenders(full, manifest, checks, renders, problems);
        }

        return new BundleVerification
        {
            Directory = full,
            Manifest = manifest,
            ManifestSha256 = Hashing.Sha256Hex(manifestBytes),
            Artifacts = checks,
            Renders = renders,
            Problems = problems,
        };
    }

    private static BundleManifest? ReadManifest(byte[] bytes, List<BundleProblem> problems)
    {
        BundleManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BundleManifest>(bytes, ReportJson.Options);
        }
        catch (JsonException ex)
        {
            problems.Add(new BundleProblem(BundleProblemKind.ManifestUnreadable, BundleArtifacts.Manifest, $"not a bundle manifest: {ex.Message}"));
            return null;
        }

        if (manifest is null || manifest.Format != BundleManifest.CurrentFormat)
        {
            problems.Add(new BundleProblem(BundleProblemKind.ManifestUnreadable, BundleArtifacts.Manifest,
                $"unknown format \"{manifest?.Format}\"; expected \"{BundleManifest.CurrentFormat}\"."));
            return null;
        }

        // A manifest is input from whoever sent the bundle: it must not steer verify outside the directory.
        var unsafePaths = manifest.Artifacts.Where(a => !IsPlainFileName(a.Path)).Select(a => a.Path).ToList();
        var duplicates = manifest.Artifacts.GroupBy(a => a.Path, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (unsafePaths.Count > 0 || duplicates.Count > 0)
        {
            problems.Add(new BundleProblem(BundleProblemKind.ManifestUnreadable, BundleArtifacts.Manifest,
                $"lists paths that are not plain file names in the bundle or are listed twice: {string.Join(", ", unsafePaths.Concat(duplicates))}"));
            return null;
        }

        foreach (var required in BundleArtifacts.All.Where(name => manifest.Artifacts.All(a => a.Path != name)))
        {
            problems.Add(new BundleProblem(BundleProblemKind.ArtifactNotListed, required, "a required artifact is not in the manifest."));
        }

        return manifest;
    }

    private static bool IsPlainFileName(string path) =>
        path.Length > 0 && path != "." && path != ".." && path.IndexOfAny(['/', '\\', ':', '\0']) < 0 && path != BundleArtifacts.Manifest;

    private static void CheckArtifacts(string directory, BundleManifest manifest, List<ArtifactCheck> checks, List<BundleProblem> problems)
    {
        foreach (var artifact in manifest.Artifacts)
        {
            var path = System.IO.Path.Combine(directory, artifact.Path);
            if (!File.Exists(path))
            {
                checks.Add(new ArtifactCheck(artifact.Path, ArtifactStatus.Missing, artifact.Sha256, null, artifact.Size, null));
                problems.Add(new BundleProblem(BundleProblemKind.ArtifactMissing, artifact.Path, "listed in the manifest but not in the bundle."));
                continue;
            }

            string actual;
            long size;
            using (var stream = File.OpenRead(path))
            {
                size = stream.Length;
                actual = Hashing.Sha256Hex(stream);
            }

            var intact = size == artifact.Size && string.Equals(actual, artifact.Sha256, StringComparison.OrdinalIgnoreCase);
            checks.Add(new ArtifactCheck(artifact.Path, intact ? ArtifactStatus.Intact : ArtifactStatus.Changed, artifact.Sha256, actual, artifact.Size, size));
            if (!intact)
            {
                problems.Add(new BundleProblem(BundleProblemKind.ArtifactChanged, artifact.Path,
                    $"changed since the bundle was written: manifest says {Describe(artifact.Size)}, sha256 {artifact.Sha256}; " +
                    $"found {Describe(size)}, sha256 {actual}."));
            }
        }

        var listed = manifest.Artifacts.Select(a => a.Path).Append(BundleArtifacts.Manifest).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = System.IO.Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (listed.Contains(relative) || Directory.Exists(file))
            {
                continue;
            }

            checks.Add(new ArtifactCheck(relative, ArtifactStatus.Unlisted, null, null, null, new FileInfo(file).Length));
            problems.Add(new BundleProblem(BundleProblemKind.UnlistedFile, relative, "is in the bundle directory but not in the manifest."));
        }
    }

    private static void CheckRenders(string directory, BundleManifest manifest, List<ArtifactCheck> checks, List<RenderCheck> renders, List<BundleProblem> problems)
    {
        if (checks.Any(c => c.Path == BundleArtifacts.ReportJson && c.Status == ArtifactStatus.Missing)
            || manifest.Artifacts.All(a => a.Path != BundleArtifacts.ReportJson))
        {
            renders.AddRange(RenderedArtifacts.Select(name => new RenderCheck(name, RenderCheckStatus.NotCompared, "report.json is missing")));
            return;
        }

        RunReport report;
        try
        {
            report = ReportJson.Read(System.IO.Path.Combine(directory, BundleArtifacts.ReportJson));
        }
        catch (Exception ex) when (ex is JsonException or IOException or System.Text.DecoderFallbackException)
        {
            renders.AddRange(RenderedArtifacts.Select(name => new RenderCheck(name, RenderCheckStatus.NotCompared, "report.json is unreadable")));
            problems.Add(new BundleProblem(BundleProblemKind.ReportUnreadable, BundleArtifacts.ReportJson, $"cannot be read as a report: {ex.Message}"));
            return;
        }

        if (manifest.Generator != Generator)
        {
            var note = $"written by {manifest.Generator}, this is {Generator}; verify with the same version to compare renderings";
            renders.AddRange(RenderedArtifacts.Select(name => new RenderCheck(name, RenderCheckStatus.NotCompared, note)));
            return;
        }

        foreach (var name in RenderedArtifacts)
        {
            var path = System.IO.Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                renders.Add(new RenderCheck(name, RenderCheckStatus.NotCompared, "the file is missing"));
                continue;
            }

            var expected = Render(name, report);
            var matches = File.ReadAllBytes(path).AsSpan().SequenceEqual(expected);
            renders.Add(new RenderCheck(name, matches ? RenderCheckStatus.Matches : RenderCheckStatus.Differs));
            if (!matches)
            {
                problems.Add(new BundleProblem(BundleProblemKind.RenderMismatch, name,
                    $"is not what report.json renders to ({Describe(expected.LongLength)} expected); it says something report.json does not."));
            }
        }
    }
}
