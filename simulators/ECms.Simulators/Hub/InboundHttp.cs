using Microsoft.AspNetCore.Http;

namespace ECms.Simulators.Hub;

/// <summary>A request as it arrived, with its body read once, within the size limit, by the hub's own middleware.</summary>
internal sealed record InboundHttp(
    string Method,
    string Path,
    string? ContentType,
    string? SoapAction,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset ReceivedAt,
    CancellationToken Aborted)
{
    public HttpContext? Context { get; init; }

    public static InboundHttp From(HttpContext context, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt) => new(
        context.Request.Method,
        context.Request.Path.Value ?? "/",
        context.Request.ContentType,
        context.Request.Headers.TryGetValue("SOAPAction", out var action) ? action.ToString() : null,
        body,
        receivedAt,
        context.RequestAborted)
    {
        Context = context,
    };
}
