using System.Buffers;

namespace CredIr.Grpc.Tests.Framing;

/// <summary>A ReadOnlySequence cut into segments at the given lengths, as a socket may deliver it.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] lengths)
    {
        var offset = 0;
        var first = new Segments(bytes.AsMemory(0, lengths[0]), 0);
        var last = first;
        offset += lengths[0];
        foreach (var length in lengths.Skip(1).Append(bytes.Length - lengths.Sum()))
        {
            var next = new Segments(bytes.AsMemory(offset, length), offset);
            last.Next = next;
            last = next;
            offset += length;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
