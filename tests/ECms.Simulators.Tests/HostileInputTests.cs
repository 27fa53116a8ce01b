using System.Net;
using ECms.Protocol.Messages;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>Input built to break the hub: each gets a clear SOAP fault with a fitting status, and the hub keeps serving.</summary>
public class HostileInputTests
{
    private const string TextXml = "text/xml; charset=utf-8";

    public static IEnumerable<TestCaseData> Attacks()
    {
        yield return Attack("ExternalEntity", Envelopes.Xxe(), TextXml, "POST", 500, "DTD");
        yield return Attack("BillionLaughs", Envelopes.BillionLaughs(), TextXml, "POST", 500, "DTD");
        yield return Attack("DeepNesting", Envelopes.DeepNesting(5_000), TextXml, "POST", 500, "deeper");
        yield return Attack("InvalidUtf8", Envelopes.InvalidUtf8(), TextXml, "POST", 500, "UTF-8");
        yield return Attack("Utf16", Envelopes.Utf16(), TextXml, "POST", 500, "UTF-16");
        yield return Attack("NotXml", Envelopes.Utf8("hello, hub"), TextXml, "POST", 500, "not usable XML");
        // Found by the mutation fuzzer: the parser's message quoted these characters and the fault could not be written.
        yield return Attack("ControlCharacterReference", Envelopes.Utf8(Envelopes.Wrap("<GetOrganizationList>&#x1F;</GetOrganizationList>")), TextXml, "POST", 500, "U+001F");
        yield return Attack("RawControlCharacter", Envelopes.Utf8(Envelopes.Wrap("<GetOrganizationList>\u0011</GetOrganizationList>")), TextXml, "POST", 500, "U+0011");
        yield return Attack("LoneSurrogateReference", Envelopes.Utf8(Envelopes.Wrap("<GetOrganizationList>&#xDFFF;</GetOrganizationList>")), TextXml, "POST", 500, "U+DFFF");
        yield return Attack("EmptyBody", [], TextXml, "POST", 500, "empty");
        yield return Attack("Soap12Envelope", Envelopes.Utf8(Envelopes.Wrap("<GetOrganizationList/>", "http://www.w3.org/2003/05/soap-envelope")), TextXml, "POST", 500, "envelope is SOAP 1.2");
        yield return Attack("NotAnEnvelope", Envelopes.Utf8("<GetOrganizationList/>"), TextXml, "POST", 500, "not a SOAP 1.1 Envelope");
        yield return Attack("UnknownOperation", Envelopes.Utf8(Envelopes.Wrap("<StealAllLetters/>")), TextXml, "POST", 500, "not an e-CMS 2.0 operation");
        yield return Attack("EmptySoapBody", Envelopes.Utf8(Envelopes.Wrap("")), TextXml, "POST", 500, "Body is empty");
        yield return Attack("JsonContentType", Envelopes.Utf8(Envelopes.Wrap("<GetOrganizationList/>")), "application/json", "POST", 415, "not text/xml");
        yield return Attack("Soap12ContentType", Envelopes.Utf8(Envelopes.Wrap("<GetOrganizationList/>")), "application/soap+xml", "POST", 415, "SOAP 1.2");
        yield return Attack("NoContentType", Envelopes.Utf8(Envelopes.Wrap("<GetOrganizationList/>")), null, "POST", 415, "no Content-Type");
        yield return Attack("GetMethod", [], null, "GET", 405, "only POST");
        yield return Attack("PutMethod", Envelopes.Utf8(Envelopes.Wrap("<GetOrganizationList/>")), TextXml, "PUT", 405, "only POST");
    }

    [TestCaseSource(nameof(Attacks))]
    public async Task HostileRequest_Answered_WithSoapFaultAndHubKeepsServing(byte[] body, string? contentType, string method, int status, string explanation)
    {
        await using var rig = HubRig.Create();
        using var http = new HttpClient();

        using var response = await http.SendAsync(Request(rig.EndpointA, method, body, contentType));
        var text = await response.Content.ReadAsStringAsync();
        var afterwards = await rig.ClientA.DirectoryAsync(ECms.Protocol.Operation.GetOrganizationList);

        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        text.ShouldStartWith("<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body><SOAP-ENV:Fault>");
        text.ShouldContain("<ErrorCode>E100</ErrorCode>");
        var entry = rig.Hub.Journal.Entries[0];
        entry.Outcome.ShouldBe(ExchangeOutcome.Invalid);
        entry.Problem.ShouldNotBeNull().ShouldContain(explanation);
        text.ShouldContain(explanation);
        afterwards.Expect<OrganizationListResponse>().Organizations.Count.ShouldBe(3);
        if (status == 405)
        {
            response.Content.Headers.Allow.ShouldBe(["POST"]);
        }
    }

    [Test]
    public async Task Soap12Envelope_FaultCodeIsVersionMismatch()
    {
        await using var rig = HubRig.Create();

        var result = await rig.ClientA.PostRawAsync(Envelopes.Utf8(Envelopes.Wrap("<GetOrganizationList/>", "http://www.w3.org/2003/05/soap-envelope")));

        result.FaultCode.ShouldBe("SOAP-ENV:VersionMismatch");
    }

    [Test]
    public async Task ExternalEntity_Refused_FileContentNeverAppears()
    {
        await using var rig = HubRig.Create();

        var result = await rig.ClientA.PostRawAsync(Envelopes.Xxe());

        result.FaultCode.ShouldBe("SOAP-ENV:Client");
        System.Text.Encoding.UTF8.GetString(result.RawResponse.Span).ShouldNotContain("root:");
    }

    [Test]
    public async Task UnknownEndpoint_Answered404NamingTheRegisteredEndpoints()
    {
        await using var rig = HubRig.Create();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(rig.Hub.BaseUrl, "/9900999000/ecms-ws01/service2"),
            new ByteArrayContent(Envelopes.Utf8(Envelopes.Wrap("<GetOrganizationList/>"))));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        text.ShouldContain("No agency endpoint at /9900999000/ecms-ws01/service2");
        text.ShouldContain("9900100000, 9900200000, 9900300000");
        rig.Hub.Journal.Entries[0].OrganizationId.ShouldBeNull();
    }

    [Test]
    public async Task OversizedBody_Declared100MB_Refused413BeforeReadingIt()
    {
        await using var rig = HubRig.Create();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, rig.EndpointA) { Content = new LazyContent(100L * 1024 * 1024) };
        request.Headers.ExpectContinue = true;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        using var response = await http.SendAsync(request);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var text = await response.Content.ReadAsStringAsync();
        var afterwards = await rig.ClientA.PullAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        text.ShouldContain("declares 104,857,600 bytes, over the hub's limit of 31,457,280 bytes; the body was not read");
        allocated.ShouldBeLessThan(8L * 1024 * 1024);
        rig.Hub.Journal.Entries[0].Outcome.ShouldBe(ExchangeOutcome.Invalid);
        afterwards.IsSuccess.ShouldBeTrue();
    }

    [Test]
    public async Task OversizedBody_Chunked_ReadingStopsAtTheLimit()
    {
        await using var rig = HubRig.Create(configure: o => o with { MaxRequestBytes = 1024 * 1024 });
        using var http = new HttpClient();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        int? status = null;
        try
        {
            using var response = await http.PostAsync(rig.EndpointA, new LazyContent(16L * 1024 * 1024, announceLength: false));
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The hub may close the connection while the client is still uploading; the journal says why.
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var entry = await rig.Hub.Journal.WaitForAsync(e => e.StatusCode == 413, TimeSpan.FromSeconds(10), "the refused chunked upload");
        var afterwards = await rig.ClientA.PullAsync();

        (status ?? 413).ShouldBe(413);
        entry.Problem!.ShouldContain("exceeded the hub's limit of 1,048,576 bytes");
        allocated.ShouldBeLessThan(12L * 1024 * 1024);
        afterwards.IsSuccess.ShouldBeTrue();
    }

    // Found by the mutation fuzzer: ~50,000 stray elements (just within the element limit) kept the hub busy for over
    // 20 s per request, because each finding's path counted every sibling before it.
    [Test]
    public async Task StrayElements_JustUnderTheElementLimit_RefusedWithinSeconds()
    {
        await using var rig = HubRig.Create();
        using var client = new ECms.Simulators.Client.EcmsHubClient(rig.EndpointB, options: new() { Timeout = TimeSpan.FromSeconds(10) });
        var stray = string.Concat(Enumerable.Repeat("<x/>", 49_900));
        var body = Envelopes.Utf8(Envelopes.Wrap("<CorrespondenceLetterOutboundRequest><ReceiveLetterNotifier><LetterID>ทส 1</LetterID>" + stray +
            "<CorrespondenceDate>2024-06-11</CorrespondenceDate><Subject>s</Subject></ReceiveLetterNotifier></CorrespondenceLetterOutboundRequest>"));

        var result = await client.PostRawAsync(body);

        result.Status.ShouldBe(ECms.Simulators.Client.EcmsCallStatus.BusinessError, result.Describe());
        rig.Hub.Journal.Entries[0].Outcome.ShouldBe(ExchangeOutcome.Rejected);
    }

    [Test]
    public async Task LargeBody_WithinLimit_IsAccepted()
    {
        await using var rig = HubRig.Create(configure: o => o with { MaxRequestBytes = 3 * 1024 * 1024 });
        var file = new byte[2 * 1024 * 1024];
        new Random(7).NextBytes(file);
        var letter = rig.PeerA.ComposeLetter(HubRig.B, "ทส 2/2567", "ไฟล์ใหญ่", null, BinaryDocument.FromBytes("application/zip", file));

        var result = await rig.PeerA.SendLetterAsync(letter);

        result.IsSuccess.ShouldBeTrue(result.Describe());
    }

    private static TestCaseData Attack(string name, byte[] body, string? contentType, string method, int status, string explanation) =>
        new TestCaseData(body, contentType, method, status, explanation).SetName($"HostileRequest_{name}_Answered{status}AndHubKeepsServing");

    private static HttpRequestMessage Request(Uri endpoint, string method, byte[] body, string? contentType)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), endpoint);
        if (method != "GET")
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return request;
    }

    /// <summary>A body of <c>length</c> bytes generated as it is sent, so the test itself never holds it.</summary>
    private sealed class LazyContent : HttpContent
    {
        private readonly long _length;
        private readonly bool _announceLength;

        public LazyContent(long length, bool announceLength = true)
        {
            _length = length;
            _announceLength = announceLength;
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
            return _announceLength;
        }
    }
}
