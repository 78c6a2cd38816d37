using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CredIr.Playbook.Trail;

/// <summary>
/// Streams the records of one CloudTrail log file: <c>{"Records":[...]}</c> (the S3 delivery format)
/// or a bare array of records. Memory is bounded by the largest single record, not the file size:
/// the stream is read in chunks and each record is cut out of the buffer once it is complete.
/// </summary>
public static class CloudTrailStreamReader
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>Raw UTF-8 records; the memory is only valid until the enumerator moves on.</summary>
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadRawAsync(
        Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in ReadRecordsAsync(stream, cancellationToken))
        {
            yield return record.Utf8;
        }
    }

    /// <summary>
    /// Raw UTF-8 records with their byte offset in the (decompressed) stream, so a record that cannot
    /// be decoded can be named; the memory is only valid until the enumerator moves on.
    /// </summary>
    public static async IAsyncEnumerable<RawRecord> ReadRecordsAsync(
        Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var scanner = new RecordScanner();
        long bufferOffset = 0;
        var filled = 0;
        var ended = false;
        var spans = new List<(int Start, int Length)>();
        try
        {
            while (true)
            {
                if (!ended)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                    filled += read;
                    ended = read == 0;
                }

                spans.Clear();
                var consumed = scanner.Scan(buffer.AsSpan(0, filled), ended, spans);
                foreach (var (start, length) in spans)
                {
                    yield return new RawRecord(bufferOffset + start, buffer.AsMemory(start, length));
                }

                if (ended && bufferOffset + filled == 0)
                {
                    // A delivered log file always holds a JSON document; an empty one is a broken copy, not "no calls".
                    throw new JsonException("The log file is empty.");
                }

                if (scanner.Finished || (ended && consumed == filled))
                {
                    yield break;
                }

                if (ended)
                {
                    throw new JsonException("The log file ends in the middle of a record.");
                }

                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
                bufferOffset += consumed;
                if (filled == buffer.Length)
                {
                    // One record is larger than the buffer: grow it, keeping what was read.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parsed records, in file order.</summary>
    public static async IAsyncEnumerable<CloudTrailRecord> ReadAsync(
        Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var raw in ReadRawAsync(stream, cancellationToken))
        {
            yield return CloudTrailRecordParser.Parse(raw.Span);
        }
    }
}
