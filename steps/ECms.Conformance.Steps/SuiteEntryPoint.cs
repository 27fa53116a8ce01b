namespace ECms.Conformance.Steps;

/// <summary>
/// The test SDK makes this assembly an executable; its generated Main is switched off (GenerateProgramFile=false) so that
/// the CLI, which references the suite, keeps the only real one. Run the suite with `dotnet test` or `ecms-conformance run`.
/// </summary>
internal static class SuiteEntryPoint
{
    private static int Main() => RunOutcomeCodes.Usage;
}

/// <summary>The exit code of starting the suite assembly directly: not a way to run it.</summary>
internal static class RunOutcomeCodes
{
    public const int Usage = 64;
}
