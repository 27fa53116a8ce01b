using System.Diagnostics;
using System.Net;
using ECms.Simulators.Hub;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ECms.Simulators.Benchmarks;

/// <summary>
/// What a 100 MB POST costs: against a plain WireMock stub (which lifts Kestrel's body limit and buffers the body, then
/// decodes it to a string) and against the hub (which refuses it by Content-Length before reading).
/// </summary>
internal static class BodyLimitProbe
{
    public static async Task<(long Allocated, int Status)> PlainWireMockAsync(HttpClient http, long bytes)
    {
        using var stub = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            MaxRequestLogCount = 0,
            Logger = new WireMock.Logging.WireMockNullLogger(),
        });
        stub.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));
        return await PostAsync(http, new Uri($"{stub.Url}/x"), bytes);
    }

    public static async Task<(long Allocated, int Status)> HubAsync(HttpClient http, long bytes)
    {
        using var hub = FakeHub.Start();
        var agency = hub.RegisterAgency(Agencies.Id(0), "หน่วยงาน", "Agency");
        return await PostAsync(http, agency.Endpoint, bytes);
    }

    private static async Task<(long Allocated, int Status)> PostAsync(HttpClient http, Uri url, long bytes)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        int status;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new GeneratedContent(bytes) };
            request.Headers.ExpectContinue = true;
            using var response = await http.SendAsync(request);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = 0;
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before, status);
    }

    private sealed class GeneratedContent : HttpContent
    {
        private readonly long _length;

        public GeneratedContent(long length)
        {
            _length = length;
            Headers.TryAddWithoutValidation("Content-Type", "text/xml; charset=utf-8");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (long sent = 0; sent < _length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, _length - sent)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
