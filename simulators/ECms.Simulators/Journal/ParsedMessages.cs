using System.Buffers;
using ECms.Protocol.Messages;
using ECms.Protocol.Wire;
using ECms.Simulators.Hub;

namespace ECms.Simulators.Journal;

/// <summary>Reads journal bytes back into the message model, through the hardened loader only.</summary>
internal static class ParsedMessages
{
    private static readonly XmlLimits Generous = new() { MaxBytes = long.MaxValue / 2 };

    public static EcmsRequest? Request(ReadOnlySequence<byte> bytes)
    {
        var envelope = Load(bytes);
        return envelope is null ? null : SafeRead(() => EcmsReader.ReadRequest(envelope));
    }

    public static EcmsResponse? Response(ReadOnlySequence<byte> bytes)
    {
        var envelope = Load(bytes);
        return envelope is null ? null : SafeRead(() => EcmsReader.ReadResponse(envelope));
    }

    private static SoapEnvelope? Load(ReadOnlySequence<byte> bytes)
    {
        // The bytes were already accepted by the hub's size limit; the journal re-reads them whatever that limit was.
        var loaded = SafeXmlLoader.Load(WireBytes.Contiguous(bytes), Generous);
        return loaded.Document?.Root is null ? null : SoapEnvelope.From(loaded.Document);
    }

    private static T? SafeRead<T>(Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NullReferenceException)
        {
            // The reader is tolerant by design, but a journal property must never throw at a test.
            return null;
        }
    }
}
