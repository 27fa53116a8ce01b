using System.Buffers;
using System.Globalization;
using ECms.Simulators.Journal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using WireMock;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace ECms.Simulators.Hub;

/// <summary>
/// Hosting on WireMock. WireMock itself reads every request body whole, with no size limit (it lifts Kestrel's), and
/// decodes it again as a string; a 100 MB body would cost several hundred MB. So a small middleware placed before
/// WireMock's reads the body first: it refuses a declared Content-Length over the limit without reading a byte, stops
/// a chunked body at the limit, keeps exactly one copy, and hands WireMock an empty stream. The WireMock callback of
/// the endpoint finds that copy through an async-local, the same mechanism as ASP.NET's IHttpContextAccessor.
/// </summary>
public sealed partial class FakeHub
{
    private const int PriorityEndpoint = 10;
    private const int PriorityUnknown = 1000;
    private const int ChunkBytes = 64 * 1024;
    private const int KestrelBufferBytes = 1024 * 1024;

    private static readonly AsyncLocal<InboundHttp?> Current = new();

    /// <summary>
    /// The hub's URL on a port, from the address it binds to. Endpoint URLs (ECMS-URL in GetOrganizationList, the
    /// printed endpoints) are built from this, not from WireMock's own Url, which says "localhost" for a fixed port:
    /// strict R-ENV-3 compares wsa:To with ECMS-URL exactly, so clients configured with 127.0.0.1 must be served it.
    /// </summary>
    private string UrlOn(int port) => string.Create(CultureInfo.InvariantCulture,
        $"http://{(Options.BindAddress.Contains(':', StringComparison.Ordinal) ? $"[{Options.BindAddress}]" : Options.BindAddress)}:{port}");

    private WireMockServer StartServer()
    {
        var settings = new WireMockServerSettings
        {
            Urls = [UrlOn(Options.Port)],
            StartAdminInterface = false,
            MaxRequestLogCount = 0,
            Logger = new WireMockNullLogger(),
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            DisableDeserializeFormUrlEncoded = true,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(ReadBodyOnceAsync),

            // WireMock lifts Kestrel's buffer limits, so a 30 MB letter would sit in Kestrel's pinned pool as well as
            // in the hub; restore back-pressure (applied after WireMock's own settings).
            AdditionalServiceRegistration = services => services.PostConfigure<KestrelServerOptions>(kestrel =>
            {
                kestrel.Limits.MaxRequestBufferSize = KestrelBufferBytes;
                kestrel.Limits.MaxResponseBufferSize = KestrelBufferBytes;
            }),
        };
        WireMockServer server;
        try
        {
            ProbeFixedPort();
            server = WireMockServer.Start(settings);
        }
        catch (Exception ex) when (ex.GetBaseException() is IOException or System.Net.Sockets.SocketException)
        {
            throw new HubBindException(Options.BindAddress, Options.Port, ex.GetBaseException().Message.TrimEnd('.'), ex);
        }

        server
            .Given(Request.Create().WithPath(new WildcardMatcher("*")).UsingAnyMethod())
            .AtPriority(PriorityUnknown)
            .RespondWith(Response.Create().WithCallback(request => RespondAsync(null)));
        return server;
    }

    /// <summary>
    /// WireMock reports a port it cannot bind only when its start timeout (10 s) runs out; binding a probe first makes a
    /// taken port an immediate <see cref="HubBindException"/>. (A port taken between probe and start still fails, later.)
    /// </summary>
    private void ProbeFixedPort()
    {
        if (Options.Port == 0 || !System.Net.IPAddress.TryParse(Options.BindAddress, out var address))
        {
            return;
        }

        using var probe = new System.Net.Sockets.Socket(address.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        probe.Bind(new System.Net.IPEndPoint(address, Options.Port));
    }

    private void MapEndpoint(RegisteredAgency agency)
    {
        var organizationId = agency.OrganizationId;
        _server
            .Given(Request.Create().WithPath(EndpointPath(organizationId)).UsingAnyMethod())
            .AtPriority(PriorityEndpoint)
            .RespondWith(Response.Create().WithCallback(request => RespondAsync(organizationId)));
    }

    private async Task<IResponseMessage> RespondAsync(string? organizationId)
    {
        var inbound = Current.Value
            ?? throw new InvalidOperationException("The hub's body middleware did not run before WireMock's callback.");
        var reply = await HandleAsync(organizationId, inbound).ConfigureAwait(false);
        if (reply.CloseConnection)
        {
            inbound.Context?.Abort();
        }

        return ToWireMock(reply);
    }

    private static ResponseMessage ToWireMock(HubReply reply)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = new(reply.ContentType),
        };
        foreach (var (name, value) in reply.Headers)
        {
            headers[name] = new WireMockList<string>(value);
        }

        return new ResponseMessage
        {
            StatusCode = reply.StatusCode == 0 ? 500 : reply.StatusCode,
            Headers = headers,
            BodyData = new BodyData { BodyAsBytes = reply.Body, DetectedBodyType = BodyType.Bytes },
        };
    }

    // The port opens before the data file's agencies and state are restored (their endpoint URLs need the port): requests
    // wait here until the hub is set up, before WireMock matches them to an endpoint.
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstWaitingToOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts serving the requests that wait (see <see cref="FakeHubOptions.OpenExplicitly"/>); idempotent.</summary>
    public void Open() => _open.TrySetResult();

    /// <summary>Completes when a request first waits for <see cref="Open"/>: lets a test prove that it waited.</summary>
    internal Task FirstRequestWaitingToOpen => _firstWaitingToOpen.Task;

    private async Task ReadBodyOnceAsync(HttpContext context, RequestDelegate next)
    {
        if (!_open.Task.IsCompleted)
        {
            _firstWaitingToOpen.TrySetResult();
            await _open.Task.ConfigureAwait(false);
        }

        if (Options.SideRoutes is { } sideRoutes && await sideRoutes(context).ConfigureAwait(false))
        {
            return;
        }

        var receivedAt = Clock.GetUtcNow();
        var declared = context.Request.ContentLength;
        var limit = Options.MaxRequestBytes;
        byte[]? body;
        try
        {
            body = declared > limit ? null : await ReadBoundedAsync(context.Request.Body, declared, limit, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            // The client went away mid-body: nobody to answer, but the attempt is evidence.
            RecordUnanswered(InboundHttp.From(context, ReadOnlyMemory<byte>.Empty, receivedAt), $"The client closed the connection while sending the body ({ex.GetType().Name}).");
            return;
        }

        var inbound = InboundHttp.From(context, body ?? ReadOnlyMemory<byte>.Empty, receivedAt);
        if (body is null)
        {
            var reply = TooLarge(inbound, declared, limit);
            // Do not let Kestrel drain megabytes of unread body to keep the connection alive.
            context.Response.Headers.Connection = "close";
            context.Response.StatusCode = reply.StatusCode;
            context.Response.ContentType = reply.ContentType;
            context.Response.ContentLength = reply.Body.Length;
            await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        Current.Value = inbound;
        context.Request.Body = Stream.Null;
        context.Request.ContentLength = 0;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            Current.Value = null;
        }
    }

    /// <summary>The body, or null when it is larger than <paramref name="limit"/>; never more than limit + one chunk in memory.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long? declared, long limit, CancellationToken cancellationToken)
    {
        if (declared is { } length)
        {
            var exact = new byte[length];
            var filled = 0;
            while (filled < length)
            {
                var read = await body.ReadAsync(exact.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return exact.AsSpan(0, filled).ToArray();
                }

                filled += read;
            }

            return exact;
        }

        // Chunked: keep exact-size pieces so that memory stays at the body's size, never a doubling buffer's.
        var pieces = new List<byte[]>();
        var total = 0L;
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > limit)
                {
                    return null;
                }

                pieces.Add(chunk.AsSpan(0, read).ToArray());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var whole = new byte[total];
        var offset = 0;
        foreach (var piece in pieces)
        {
            piece.CopyTo(whole, offset);
            offset += piece.Length;
        }

        return whole;
    }

    private void RecordUnanswered(InboundHttp inbound, string problem)
    {
        var record = NewRecord(OrganizationFromPath(inbound.Path), inbound);
        record.Outcome = ExchangeOutcome.Invalid;
        record.Problem = problem;
        record.RespondedAt = Clock.GetUtcNow();
        Journal.Append(record);
    }

    private string? OrganizationFromPath(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 3 && segments[1] == "ecms-ws01" && segments[2] == "service2" && _directory.Agency(segments[0]) is not null
            ? segments[0]
            : null;
    }
}
