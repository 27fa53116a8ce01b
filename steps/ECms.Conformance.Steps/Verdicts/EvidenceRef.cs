namespace ECms.Conformance.Steps.Verdicts;

/// <summary>
/// A journal entry used as evidence: the hub that journalled it (the run's hub, or a variant a scenario started) and
/// its sequence number there. <see cref="Id"/> is the exchange id in report.json.
/// </summary>
public readonly record struct EvidenceRef(string Hub, long Sequence)
{
    public const string MainHub = "hub";

    public string Id => Hub == MainHub ? Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Hub}-{Sequence}";

    public override string ToString() => Id;
}
