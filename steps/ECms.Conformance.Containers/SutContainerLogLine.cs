namespace ECms.Conformance.Containers;

/// <summary>One line a container wrote; <see cref="Time"/> is the engine's stamp.</summary>
public sealed record SutContainerLogLine(DateTimeOffset? Time, bool IsStandardError, string Text);
