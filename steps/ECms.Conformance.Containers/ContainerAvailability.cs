namespace ECms.Conformance.Containers;

/// <summary>The answer of <see cref="ContainerScenarios.CheckAsync(bool, CancellationToken)"/>: run the container scenarios, or skip them and say why.</summary>
/// <param name="Engine">The engine found, e.g. "Docker 20.10.24 (API 1.41) at unix:///var/run/docker.sock"; null when none answered.</param>
public sealed record ContainerAvailability(bool CanRun, string? SkipReason, string? Engine);
