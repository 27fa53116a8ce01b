using System.Buffers;
using ECms.Protocol.Messages;
using ECms.Protocol.Wire;

namespace ECms.Simulators.Hub;

/// <summary>
/// Keeps one copy of each letter's bytes however often it is echoed or pulled. <see cref="EcmsWriter"/> writes
/// rsm:GovernmentDocument the same way whatever wraps it (it declares its own rsm and ram namespaces), so the hub
/// writes a letter once, keeps those bytes, and splices them into every response that carries the letter; the journal
/// stores such a response as segments around the shared bytes. When the sender's request already holds the canonical
/// bytes (any sender that writes with <see cref="EcmsWriter"/>), the hub keeps a slice of the request instead.
/// </summary>
internal static class LetterWire
{
    /// <summary>A stand-in letter that marks where the real bytes go.</summary>
    public static Letter Stub { get; } = new()
    {
        LetterId = "stub",
        CorrespondenceDate = "2000-01-01",
        Subject = "stub",
        Sender = Party.ForOrganization("0000000000"),
        Receiver = Party.ForOrganization("0000000000"),
        SendDate = "2000-01-01T00:00:00",
    };

    private static ReadOnlySpan<byte> Start => "<rsm:GovernmentDocument"u8;
    private static ReadOnlySpan<byte> End => "</rsm:GovernmentDocument>"u8;

    /// <summary>The canonical bytes of the letter: a slice of <paramref name="request"/> when it holds them verbatim.</summary>
    public static ReadOnlyMemory<byte> Canonicalize(Letter letter, ReadOnlyMemory<byte> request)
    {
        var written = EcmsWriter.WriteResponse(new PullResponse(QueueItem.ForLetter("", "", letter)));
        var (start, length) = Locate(written);
        var fragment = written.AsMemory(start, length);
        var at = request.Span.IndexOf(fragment.Span);
        return at >= 0 ? request.Slice(at, length) : fragment.ToArray();
    }

    /// <summary>
    /// Writes a response that carries <see cref="Stub"/> with the real letter bytes in its place: the contiguous bytes to
    /// send, and the same bytes as segments around <paramref name="fragment"/> for the journal.
    /// </summary>
    public static (byte[] Http, ReadOnlySequence<byte> Journal) Splice(EcmsResponse withStub, ReadOnlyMemory<byte> fragment, EcmsWriterOptions options)
    {
        var written = EcmsWriter.WriteResponse(withStub, options);
        var (start, length) = Locate(written);
        var head = written.AsMemory(0, start);
        var tail = written.AsMemory(start + length);
        var http = new byte[head.Length + fragment.Length + tail.Length];
        head.CopyTo(http);
        fragment.CopyTo(http.AsMemory(head.Length));
        tail.CopyTo(http.AsMemory(head.Length + fragment.Length));
        return (http, WireBytes.Concat(head.ToArray(), fragment, tail.ToArray()));
    }

    private static (int Start, int Length) Locate(byte[] written)
    {
        // Text content is escaped, so these tags can only be the element itself (first start tag, last end tag).
        var start = written.AsSpan().IndexOf(Start);
        var end = written.AsSpan().LastIndexOf(End);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException("The written response carries no rsm:GovernmentDocument.");
        }

        return (start, end + End.Length - start);
    }
}
