using System.Buffers;
using ECms.Protocol.Messages;

namespace ECms.Simulators.Hub;

/// <summary>What the hub sends back for one request, and what the journal keeps of it.</summary>
internal sealed record HubReply(int StatusCode, byte[] Body, ReadOnlySequence<byte> Journaled)
{
    public const string XmlContentType = "text/xml; charset=utf-8";

    public string ContentType { get; init; } = XmlContentType;

    public IReadOnlyList<ErrorDetail> Errors { get; init; } = [];

    /// <summary>Abort the connection instead of answering.</summary>
    public bool CloseConnection { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static HubReply Bytes(int statusCode, byte[] body) => new(statusCode, body, new ReadOnlySequence<byte>(body));

    public static HubReply Closed() => new(0, [], ReadOnlySequence<byte>.Empty) { CloseConnection = true };
}
