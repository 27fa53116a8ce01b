namespace ECms.Conformance.Containers;

/// <summary>
/// Whether the container still runs, asked of the engine at that moment. When it does not: how it ended and its last
/// log lines, to tell "the SUT crashed" from "the SUT answered wrongly".
/// </summary>
/// <param name="State">The engine's state: running, exited, dead, … or "removed" when the engine no longer has it.</param>
/// <param name="ExitCode">Set once the container stopped.</param>
/// <param name="OutOfMemory">The kernel killed it for memory.</param>
public sealed record SutContainerStatus(string State, bool IsRunning, long? ExitCode, bool OutOfMemory, IReadOnlyList<string> LogTail);
