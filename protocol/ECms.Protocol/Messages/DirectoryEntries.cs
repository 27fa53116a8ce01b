namespace ECms.Protocol.Messages;

/// <summary>An entry of GetOrganizationList: OrganizationID, names and the organisation's own endpoint URL.</summary>
public sealed record OrganizationInfo(string OrganizationId, string ThaiName, string EnglishName, string EcmsUrl);

/// <summary>An entry of GetMinistryOrganizationList.</summary>
public sealed record Ministry(string MinistryId, string ThaiName, string EnglishName);

/// <summary>An entry of GetSecretCodes / GetSpeedCodes: the 3-digit value and its Thai label.</summary>
public sealed record CodeValue(string Value, string Description, string EnglishDescription);

/// <summary>An entry of GetMimeCodes.</summary>
public sealed record MimeType(string FileExtension, string ContentType);

/// <summary>An entry of OutboundStatusResponse; ProcessStatus values are harness-defined: QUEUED, DELIVERED, DELETED.</summary>
public sealed record OutboundStatus(string ProcessId, string LetterId, string ProcessStatus);
