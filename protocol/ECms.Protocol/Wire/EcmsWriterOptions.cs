namespace ECms.Protocol.Wire;

/// <summary>Variations of the hub's response style that real hubs have shown and clients must tolerate.</summary>
public sealed record EcmsWriterOptions
{
    /// <summary>Declare the SOAP namespace a second time as <c>env</c> on the Envelope, as 1.x sample responses do (spec §1.4; checklist A5).</summary>
    public bool DeclareEnvAlias { get; init; }

    /// <summary>Emit one MinistryOrganizationList element per ministry, for v1-style parsers (spec §5.7).</summary>
    public bool MinistryListV1Style { get; init; }

    public static EcmsWriterOptions Default { get; } = new();
}
