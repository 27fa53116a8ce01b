namespace ECms.Conformance.Containers.Tests.Support;

/// <summary>The checkout the tests run from (where eng/build-agency-image.sh lives).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "eng", "build-agency-image.sh")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No eng/build-agency-image.sh above {TestContext.CurrentContext.TestDirectory}.");
    }
}
