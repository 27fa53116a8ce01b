namespace ECms.Conformance.Steps.Profiles;

/// <summary>A checklist item the profile says something about, and why: an expected deviation or a not-applicable item.</summary>
public sealed record ItemNote(string Id, string Reason);
