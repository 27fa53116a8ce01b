using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using ECms.Protocol.Messages;
using ECms.Protocol.Wire;
using ECms.ReferenceAgency.Faults;
using Microsoft.Extensions.Logging;

namespace ECms.ReferenceAgency.Hub;

/// <summary>
/// Talks SOAP to the agency's own e-CMS endpoint: stamps wsa:MessageID, writes the request (with the wire faults),
/// POSTs it as text/xml, reads the answer with the hardened loader. Never throws for anything the hub or the network
/// does; every outcome is a <see cref="HubResult"/>.
/// </summary>
internal sealed class HubConnection(
    HttpClient http,
    WireFaults writer,
    MessageIds messageIds,
    TimeProvider clock,
    TimeSpan timeout,
    ILogger logger)
{
    private static readonly MediaTypeHeaderValue TextXml = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");

    /// <summary>Sends one request. <paramref name="to"/> is wsa:To (spec §2.2); the POST always goes to the own endpoint.</summary>
    public async Task<HubResult> CallAsync(Uri ownEndpoint, EcmsRequest request, string to, CancellationToken cancellationToken)
    {
        var stamped = request with { Header = new AddressingHeader(messageIds.Next(), to) };
        var body = writer.Write(stamped, ownEndpoint.OriginalString);
        using var timeoutSource = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = TextXml;
            using var response = await http.PostAsync(ownEndpoint, content, linked.Token).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            if (writer.Has(AgencyFault.Latin1WithoutCharset) && response.Content.Headers.ContentType?.CharSet is null)
            {
                answer = AsLatin1Text(answer);
            }

            return Interpret(request, response.StatusCode, answer);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("e-CMS call {Operation} timed out after {Timeout}; the hub may have processed it.", request.Operation, timeout);
            return HubResult.Failed(HubFailureKind.Timeout, $"No answer from {ownEndpoint} within {timeout.TotalSeconds:0.#} s; the hub may or may not have processed the request.", outcomeUnknown: true);
        }
        catch (HttpRequestException ex) when (IsConnectFailure(ex))
        {
            logger.LogWarning("e-CMS endpoint {Endpoint} unreachable: {Message}", ownEndpoint, ex.Message);
            return HubResult.Failed(HubFailureKind.Unreachable, $"Cannot connect to {ownEndpoint}: {ex.Message}", outcomeUnknown: false);
        }
        catch (HttpRequestException ex)
        {
            // The connection broke after the request may have been written: nobody knows whether the hub has it.
            logger.LogWarning("e-CMS call {Operation} failed: {Message}", request.Operation, ex.Message);
            return HubResult.Failed(HubFailureKind.Timeout, $"The connection to {ownEndpoint} failed: {ex.Message}", outcomeUnknown: true);
        }
    }

    /// <summary>
    /// The latin1-without-charset fault: the answer is read as text in the charset its Content-Type names and, like
    /// HTTP/1.0-era stacks (RFC 2616 §3.7.1), in ISO-8859-1 when it names none; the text then goes to the XML reader.
    /// Thai in a bare text/xml answer (checklist A5) turns into mojibake.
    /// </summary>
    private static byte[] AsLatin1Text(byte[] answer) => System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.Latin1.GetString(answer));

    private HubResult Interpret(EcmsRequest request, HttpStatusCode status, byte[] answer)
    {
        var loaded = SafeXmlLoader.Load(answer);
        if (writer.Has(AgencyFault.PrefixBoundResponseReader) && loaded.Document?.Root is { } root && PrefixBoundReaderMisses(root, answer) is { } missed)
        {
            logger.LogWarning("e-CMS call {Operation}: unusable answer ({Why}).", request.Operation, missed);
            return HubResult.Failed(HubFailureKind.BadResponse, $"The hub's answer is unusable: {missed}.", outcomeUnknown: true);
        }

        var envelope = loaded.Document is null ? null : SoapEnvelope.From(loaded.Document);
        if (envelope is { IsEnvelope: true })
        {
            if (envelope.Fault is { } fault)
            {
                var errors = FaultErrors(fault);
                if (IsGatewayStatus(status))
                {
                    // A gateway's 502/504 says the hub's answer did not come through, not that the hub refused: the
                    // request may have been applied (checklist A6), so it is no ErrorDetail of the hub's.
                    logger.LogWarning("e-CMS call {Operation} answered HTTP {Status} with a SOAP fault; the hub may have processed it.", request.Operation, (int)status);
                    return HubResult.Failed(HubFailureKind.HttpStatus,
                        $"The hub answered HTTP {(int)status} {status} ({string.Join("; ", errors.Select(e => $"{e.Code} {e.Description}".Trim()))}); "
                        + "it may or may not have processed the request.", outcomeUnknown: true);
                }

                return HubResult.Answered(new ErrorResponse(request.Operation, errors));
            }

            if (EcmsReader.ReadResponse(envelope) is { } response && (status == HttpStatusCode.OK || response is ErrorResponse))
            {
                return HubResult.Answered(response);
            }
        }

        if (status != HttpStatusCode.OK)
        {
            // 503 says the service did not take the request; any other status leaves it open whether it was processed.
            var unknown = status != HttpStatusCode.ServiceUnavailable;
            logger.LogWarning("e-CMS call {Operation} answered HTTP {Status}.", request.Operation, (int)status);
            return HubResult.Failed(HubFailureKind.HttpStatus, $"The hub answered HTTP {(int)status} {status}.", unknown);
        }

        var why = loaded.Problem?.ToString() ?? "the body is not a SOAP answer to this request";
        logger.LogWarning("e-CMS call {Operation}: unusable answer ({Why}).", request.Operation, why);
        return HubResult.Failed(HubFailureKind.BadResponse, $"The hub's answer is unusable: {why}.", outcomeUnknown: true);
    }

    /// <summary>
    /// The prefix-bound-response-reader fault: a reader that looks up "the" prefix of the SOAP namespace among the
    /// Envelope's declarations (the last one wins) and then searches the text for that prefix's Body. The hub's
    /// compact style that also declares the SOAP namespace as env (spec §1.4, checklist A5) leaves it without a Body.
    /// </summary>
    private static string? PrefixBoundReaderMisses(System.Xml.Linq.XElement root, byte[] answer)
    {
        var prefix = root.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == root.Name.NamespaceName && a.Name.Namespace == System.Xml.Linq.XNamespace.Xmlns)
            .Select(a => a.Name.LocalName).LastOrDefault();
        return prefix is null || System.Text.Encoding.UTF8.GetString(answer).Contains($"<{prefix}:Body", StringComparison.Ordinal)
            ? null
            : $"no {prefix}:Body element in the answer";
    }

    private static ErrorDetail[] FaultErrors(System.Xml.Linq.XElement fault)
    {
        var details = fault.Descendants().Where(e => e.Name.LocalName == "ErrorDetail")
            .Select(e => new ErrorDetail(
                EcmsReader.Child(e, "ErrorCode")?.Value ?? "",
                EcmsReader.Child(e, "ErrorDescription")?.Value ?? ""))
            .ToArray();
        return details.Length > 0
            ? details
            : [new ErrorDetail(EcmsReader.Child(fault, "faultcode")?.Value ?? "SOAP-FAULT", EcmsReader.Child(fault, "faultstring")?.Value ?? "")];
    }

    private static bool IsGatewayStatus(HttpStatusCode status) => status is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    private static bool IsConnectFailure(HttpRequestException ex) =>
        ex.HttpRequestError == HttpRequestError.ConnectionError && ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable };
}
