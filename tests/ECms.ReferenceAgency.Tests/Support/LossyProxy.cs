using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ECms.ReferenceAgency.Tests.Support;

/// <summary>
/// Sits between the agency and the hub and can lose answers: the request reaches the hub and is processed, but the
/// connection is cut before the answer comes back — the case every retry strategy must survive ("did the hub get it?").
/// </summary>
public sealed class LossyProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new();
    private int _dropAnswers;

    private LossyProxy(WebApplication app, Uri hub)
    {
        _app = app;
        Hub = hub;
    }

    public Uri Hub { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Forward the next <paramref name="count"/> requests, then cut the connection instead of answering.</summary>
    public void LoseNextAnswers(int count) => Interlocked.Exchange(ref _dropAnswers, count);

    public static async Task<LossyProxy> StartAsync(Uri hub)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new LossyProxy(app, hub);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy.BaseUrl = new Uri(app.Urls.First());
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Hub, context.Request.Path.Value)) { Content = new ByteArrayContent(body.ToArray()) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        using var answer = await _forward.SendAsync(request);
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        if (Interlocked.Decrement(ref _dropAnswers) >= 0)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
        await context.Response.Body.WriteAsync(bytes);
    }
}
