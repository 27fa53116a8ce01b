using System.Globalization;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Wire;

namespace ECms.Simulators.Client;

/// <summary>
/// An agency's HTTP client for its own e-CMS endpoint: writes requests with <see cref="EcmsWriter"/>, POSTs them,
/// reads answers with <see cref="SafeXmlLoader"/> and <see cref="EcmsReader"/>, and reports every ending — success,
/// ErrorDetail, SOAP fault, HTTP error, garbage, timeout, dropped connection — as a typed <see cref="EcmsCallResult"/>.
/// </summary>
/// <example><code>
/// using var client = new EcmsHubClient(hub.EndpointOf("9900100000"));
/// var sent = (await client.SendLetterAsync(letter, hub.EndpointOf("9900200000"))).Expect&lt;SendLetterResponse&gt;();
/// </code></example>
public sealed class EcmsHubClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private long _messageCounter;

    public EcmsHubClient(Uri endpoint, HttpClient? httpClient = null, EcmsHubClientOptions? options = null)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Options = options ?? new EcmsHubClientOptions();
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = (int)Math.Min(int.MaxValue, Options.MaxResponseBytes),
        };
    }

    /// <summary>The caller's own endpoint: every request goes here (spec §1.2).</summary>
    public Uri Endpoint { get; }

    public EcmsHubClientOptions Options { get; }

    public Task<EcmsCallResult> SendLetterAsync(Letter letter, Uri receiverEndpoint, CancellationToken cancellationToken = default) =>
        CallAsync(new SendLetterRequest(letter), receiverEndpoint, cancellationToken);

    /// <summary>A notifier, addressed (wsa:To) to the counterpart's endpoint, posted to the caller's own.</summary>
    public Task<EcmsCallResult> SendNotifierAsync(Notifier notifier, Uri counterpartEndpoint, CancellationToken cancellationToken = default) =>
        CallAsync(new SendNotifierRequest(notifier.AsRequest()), counterpartEndpoint, cancellationToken);

    public Task<EcmsCallResult> PullAsync(CancellationToken cancellationToken = default) =>
        CallAsync(new PullRequest(), null, cancellationToken);

    public Task<EcmsCallResult> DeleteAsync(string processId, CancellationToken cancellationToken = default) =>
        CallAsync(new DeleteFromQueueRequest(processId), null, cancellationToken);

    public Task<EcmsCallResult> WithdrawAsync(LetterKey letter, CancellationToken cancellationToken = default) =>
        CallAsync(new WithdrawLetterRequest(letter.LetterId, letter.CorrespondenceDate, letter.SenderOrganizationId, letter.ReceiverOrganizationId),
            null, cancellationToken);

    /// <summary>Op 10: ask again for a letter (<c>GovernmentDocument</c>) or a notifier (its element name).</summary>
    public Task<EcmsCallResult> SpecialRequestAsync(string itemKind, LetterKey letter, CancellationToken cancellationToken = default) =>
        CallAsync(new SpecialRequest(itemKind, letter.LetterId, letter.CorrespondenceDate, letter.SenderOrganizationId, letter.ReceiverOrganizationId),
            null, cancellationToken);

    /// <summary>Ops 11–17: GetOrganizationList, code lists, OutboundStatusRequest, TimeCheckRequest.</summary>
    public Task<EcmsCallResult> DirectoryAsync(Operation operation, CancellationToken cancellationToken = default) =>
        CallAsync(new DirectoryRequest(operation), null, cancellationToken);

    /// <summary>
    /// Writes and posts a request. The header is completed where empty: a fresh MessageID, and wsa:To =
    /// <paramref name="addressedTo"/> (the counterpart, for letters and notifiers) or this client's own endpoint.
    /// </summary>
    public Task<EcmsCallResult> CallAsync(EcmsRequest request, Uri? addressedTo = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = new AddressingHeader(
            string.IsNullOrEmpty(request.Header.MessageId) ? NextMessageId() : request.Header.MessageId,
            string.IsNullOrEmpty(request.Header.To) ? (addressedTo ?? Endpoint).AbsoluteUri : request.Header.To);
        var body = EcmsWriter.WriteRequest(request with { Header = header });
        return PostAsync(body, header.MessageId!, Options.ContentType, HttpMethod.Post, cancellationToken);
    }

    /// <summary>Posts bytes exactly as given (for hostile-input and wire-form tests) and reads the answer like any call.</summary>
    public Task<EcmsCallResult> PostRawAsync(ReadOnlyMemory<byte> body, string? contentType = null, HttpMethod? method = null, CancellationToken cancellationToken = default) =>
        PostAsync(body, "", contentType ?? Options.ContentType, method ?? HttpMethod.Post, cancellationToken);

    /// <summary><c>mid://yyyyMMdd.HHmmssfff@host</c> as the v1 manual recommends, with a counter so that two IDs in one millisecond differ.</summary>
    public string NextMessageId()
    {
        var now = Options.TimeProvider.GetUtcNow().ToOffset(WireFormats.ThailandOffset);
        var counter = Interlocked.Increment(ref _messageCounter);
        return string.Create(CultureInfo.InvariantCulture, $"mid://{now:yyyyMMdd.HHmmssfff}.{counter}@{Options.MessageIdHost}");
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<EcmsCallResult> PostAsync(ReadOnlyMemory<byte> body, string messageId, string? contentType, HttpMethod method, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Options.Timeout, Options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        using var message = new HttpRequestMessage(method, Endpoint);
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            message.Content = new ReadOnlyMemoryContent(body);
            if (contentType is not null)
            {
                // Added unvalidated: real clients send forms such as "text/xml; encoding='utf-8'" that the hub must accept.
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        byte[] raw;
        int status;
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (response.Content.Headers.ContentLength > Options.MaxResponseBytes)
            {
                return Failed(EcmsCallStatus.MalformedResponse, messageId, status,
                    $"The response declares {response.Content.Headers.ContentLength:N0} bytes, over the client's limit of {Options.MaxResponseBytes:N0}.");
            }

            raw = await ReadBodyAsync(response.Content, linked.Token).ConfigureAwait(false);
            if (raw.Length > Options.MaxResponseBytes)
            {
                return Failed(EcmsCallStatus.MalformedResponse, messageId, status,
                    $"The response is larger than the client's limit of {Options.MaxResponseBytes:N0} bytes.");
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failed(EcmsCallStatus.Timeout, messageId, null, $"No answer within {Options.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException ex)
        {
            return Failed(EcmsCallStatus.ConnectionFailed, messageId, null, ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})");
        }
        catch (IOException ex)
        {
            return Failed(EcmsCallStatus.ConnectionFailed, messageId, null, ex.Message);
        }

        return Interpret(raw, status, messageId);
    }

    /// <summary>
    /// Reads the body into one exact-size array when its length is known — a pulled letter can be 30 MB, and the
    /// stock buffering would grow pooled buffers to twice that and keep them pooled.
    /// </summary>
    private async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is not { } length)
        {
            using var copy = new MemoryStream();
            var source = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    copy.Write(buffer, 0, read);
                    if (copy.Length > Options.MaxResponseBytes)
                    {
                        break;
                    }
                }
            }

            return copy.ToArray();
        }

        var body = new byte[length];
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        }

        return body;
    }

    private static EcmsCallResult Interpret(byte[] raw, int status, string messageId)
    {
        var loaded = SafeXmlLoader.Load(raw, new XmlLimits { MaxBytes = Math.Max(raw.Length, 1) });
        if (loaded.Document is null)
        {
            return Failed(status == 200 ? EcmsCallStatus.MalformedResponse : EcmsCallStatus.HttpError, messageId, status,
                $"The response is not XML: {loaded.Problem}") with { RawResponse = raw };
        }

        var envelope = SoapEnvelope.From(loaded.Document);
        if (envelope.Fault is { } fault)
        {
            var errors = fault.Descendants().Where(e => e.Name.LocalName == "ErrorDetail")
                .Select(e => new ErrorDetail(EcmsReader.Child(e, "ErrorCode")?.Value ?? "", EcmsReader.Child(e, "ErrorDescription")?.Value ?? ""))
                .ToArray();
            return new EcmsCallResult
            {
                Status = EcmsCallStatus.SoapFault,
                MessageId = messageId,
                HttpStatus = status,
                FaultCode = EcmsReader.Child(fault, "faultcode")?.Value,
                FaultString = EcmsReader.Child(fault, "faultstring")?.Value,
                Errors = errors,
                Problem = EcmsReader.Child(fault, "faultstring")?.Value,
                RawResponse = raw,
            };
        }

        if (!envelope.IsSoap11)
        {
            return Failed(status == 200 ? EcmsCallStatus.MalformedResponse : EcmsCallStatus.HttpError, messageId, status,
                $"The response is <{envelope.Root.Name.LocalName}>, not a SOAP 1.1 envelope.") with { RawResponse = raw };
        }

        if (status != 200)
        {
            return Failed(EcmsCallStatus.HttpError, messageId, status, $"HTTP {status} without a SOAP fault.") with { RawResponse = raw };
        }

        var response = EcmsReader.ReadResponse(envelope);
        return response switch
        {
            null => Failed(EcmsCallStatus.MalformedResponse, messageId, status,
                $"<{envelope.OperationElement?.Name.LocalName ?? "(empty body)"}> is not an e-CMS response.") with { RawResponse = raw },
            ErrorResponse error => new EcmsCallResult
            {
                Status = EcmsCallStatus.BusinessError,
                MessageId = messageId,
                HttpStatus = status,
                Response = error,
                Errors = error.Errors,
                RawResponse = raw,
            },
            _ => new EcmsCallResult { Status = EcmsCallStatus.Success, MessageId = messageId, HttpStatus = status, Response = response, RawResponse = raw },
        };
    }

    private static EcmsCallResult Failed(EcmsCallStatus status, string messageId, int? httpStatus, string problem) =>
        new() { Status = status, MessageId = messageId, HttpStatus = httpStatus, Problem = problem };
}
