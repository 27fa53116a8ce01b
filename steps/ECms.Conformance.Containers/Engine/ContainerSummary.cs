namespace ECms.Conformance.Containers.Engine;

/// <summary>One row of the engine's container list.</summary>
internal sealed record ContainerSummary(string Id, string State, IReadOnlyDictionary<string, string> Labels);
