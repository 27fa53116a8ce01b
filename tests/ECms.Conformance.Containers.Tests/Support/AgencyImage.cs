using System.Diagnostics;

namespace ECms.Conformance.Containers.Tests.Support;

/// <summary>The reference agency's image, built by eng/build-agency-image.sh when the engine does not have it yet.</summary>
internal static class AgencyImage
{
    public const string Tag = SutContainerOptions.ReferenceAgencyImage;

    // A cold publish of the agency takes about a minute on two cores; ten is the bound for a very busy machine.
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    public static async Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        if (await EngineProbe.ImageExistsAsync(Tag, cancellationToken))
        {
            return;
        }

        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "eng", "build-agency-image.sh"), "--tag", Tag])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var build = Process.Start(start)!;
        var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = build.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(BuildTimeout);
        try
        {
            await build.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            build.Kill(entireProcessTree: true);
            throw;
        }

        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"eng/build-agency-image.sh failed ({build.ExitCode}):\n{await errors}{await output}");
        }

        TestContext.Progress.WriteLine((await errors).Trim());
    }
}
