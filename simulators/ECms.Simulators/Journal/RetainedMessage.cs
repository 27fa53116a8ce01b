using System.Buffers;

namespace ECms.Simulators.Journal;

/// <summary>
/// A parsed message kept beside its raw bytes. Small messages keep their model; a large one (a letter with megabytes
/// of base64, held as UTF-16 strings) keeps it only weakly and reads it again from the bytes when asked, so the
/// journal costs about one copy of the wire bytes however large the letters are.
/// </summary>
internal sealed class RetainedMessage<T>
    where T : class
{
    internal const long StrongLimitBytes = 1024 * 1024;

    private readonly Func<ReadOnlySequence<byte>, T?> _parse;
    private readonly ReadOnlySequence<byte> _bytes;
    private readonly bool _small;
    private T? _strong;
    private WeakReference<T>? _weak;
    private volatile bool _settled;

    public RetainedMessage(ReadOnlySequence<byte> bytes, T? parsed, Func<ReadOnlySequence<byte>, T?> parse)
    {
        _bytes = bytes;
        _parse = parse;
        _small = bytes.Length <= StrongLimitBytes;
        if (parsed is not null)
        {
            Keep(parsed);
        }
    }

    public T? Value
    {
        get
        {
            if (_strong is not null)
            {
                return _strong;
            }

            if (_weak is not null && _weak.TryGetTarget(out var kept))
            {
                return kept;
            }

            if (_settled && _small)
            {
                // A small message that did not parse: asking again gives the same answer.
                return null;
            }

            var parsed = _bytes.IsEmpty ? null : _parse(_bytes);
            if (parsed is not null)
            {
                Keep(parsed);
            }

            _settled = true;
            return parsed;
        }
    }

    private void Keep(T parsed)
    {
        if (_small)
        {
            _strong = parsed;
        }
        else
        {
            _weak = new WeakReference<T>(parsed);
        }

        _settled = true;
    }
}
