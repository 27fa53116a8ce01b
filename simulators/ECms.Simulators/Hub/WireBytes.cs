using System.Buffers;
using System.Text;

namespace ECms.Simulators.Hub;

/// <summary>Helpers for message bytes that may be stored as several segments sharing one letter's bytes.</summary>
internal static class WireBytes
{
    public static ReadOnlySequence<byte> Concat(params ReadOnlyMemory<byte>[] parts)
    {
        var nonEmpty = parts.Where(p => !p.IsEmpty).ToArray();
        if (nonEmpty.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        if (nonEmpty.Length == 1)
        {
            return new ReadOnlySequence<byte>(nonEmpty[0]);
        }

        var first = new Segment(nonEmpty[0], 0);
        var last = first;
        for (var i = 1; i < nonEmpty.Length; i++)
        {
            last = last.Append(nonEmpty[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    public static ReadOnlyMemory<byte> Contiguous(in ReadOnlySequence<byte> bytes) =>
        bytes.IsSingleSegment ? bytes.First : bytes.ToArray();

    public static string Text(in ReadOnlySequence<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
