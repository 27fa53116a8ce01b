namespace ECms.Conformance.Containers.Engine;

/// <summary>The engine's view of one container (inspect's <c>State</c>).</summary>
internal sealed record ContainerState(string Status, bool Running, long? ExitCode, bool OomKilled, string? Error);
