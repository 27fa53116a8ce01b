namespace ECms.Conformance.NUnitBridge.Tests.Steps;

/// <summary>Per-scenario state shared by bindings through Reqnroll's context injection.</summary>
public sealed class Journal
{
    public List<string> Entries { get; } = [];

    public string? PreparedFor { get; set; }
}
