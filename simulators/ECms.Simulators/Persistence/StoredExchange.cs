using ECms.Protocol.Messages;
using ECms.Protocol.Rules;

namespace ECms.Simulators.Persistence;

/// <summary>
/// One journalled exchange as the monitor shows it. Bodies are the first <see cref="Hub.FakeHubOptions.MaxStoredBodyBytes"/>
/// bytes; <see cref="RequestLength"/> and <see cref="ResponseLength"/> say how long they really were.
/// </summary>
internal sealed record StoredExchange(
    long Sequence,
    string? OrganizationId,
    string Operation,
    string Outcome,
    int StatusCode,
    DateTimeOffset ReceivedAt,
    DateTimeOffset RespondedAt,
    string? Problem,
    IReadOnlyList<ErrorDetail> Errors,
    IReadOnlyList<Finding> Findings,
    byte[] Request,
    long RequestLength,
    byte[] Response,
    long ResponseLength)
{
    public bool RequestTruncated => Request.Length < RequestLength;

    public bool ResponseTruncated => Response.Length < ResponseLength;
}
