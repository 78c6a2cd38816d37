using System.Text;
using CredIr.Playbook.Trail;

namespace CredIr.Eradication.Tests.Trails;

[Collection(ProcessMemoryCollection.Name)]
public sealed class BoundedMemoryTests
{
    /// <summary>An endless-looking log file produced on the fly: a header, N copies of a record, a footer.</summary>
    private sealed class GeneratedLogStream(int records) : Stream
    {
        private static readonly byte[] Header = "{\"Records\":["u8.ToArray();
        private static readonly byte[] Footer = "]}"u8.ToArray();
        private static readonly byte[] Body = Encoding.UTF8.GetBytes(
            """{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111111111111:user/alice","accountId":"111111111111","accessKeyId":"AKIAALICE00000000001","userName":"alice"},"eventTime":"2024-01-01T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2","requestParameters":{"bucketName":"b","key":"k"},"responseElements":null,"eventID":"e","readOnly":true,"recipientAccountId":"111111111111"}""");

        private long _position;
        private readonly long _length = Header.Length + Footer.Length + ((long)records * (Body.Length + 1)) - 1;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            while (n < count && _position < _length)
            {
                var (source, start) = Segment(_position);
                var take = (int)Math.Min(Math.Min(count - n, source.Length - start), _length - _position);
                Array.Copy(source, start, buffer, offset + n, take);
                n += take;
                _position += take;
            }

            return n;
        }

        private static readonly byte[] Comma = ","u8.ToArray();

        // The piece of the file a position falls in, and the offset inside it.
        private (byte[] Source, int Start) Segment(long position)
        {
            if (position < Header.Length)
            {
                return (Header, (int)position);
            }

            var tail = position - (_length - Footer.Length);
            if (tail >= 0)
            {
                return (Footer, (int)tail);
            }

            var inBody = (int)((position - Header.Length) % (Body.Length + 1));
            return inBody == Body.Length ? (Comma, 0) : (Body, inBody);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task LargeFile_200MB_LiveMemoryStaysSmall()
    {
        const int Records = 420_000;
        await using var stream = new GeneratedLogStream(Records);
        var streamBytes = stream.Length;
        long maxLive = 0;
        var count = 0;

        // Raw records, as the log-file source reads them (it parses only those that pass its prefilter).
        await foreach (var record in CloudTrailStreamReader.ReadRawAsync(stream))
        {
            if (++count % 100_000 == 0)
            {
                maxLive = Math.Max(maxLive, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Assert.Equal(Records, count);
        Assert.True(streamBytes > 200_000_000, $"the generated file is {streamBytes} bytes");
        // Whole-file loading would hold > 200 MB; streaming holds one buffer and one record.
        Assert.True(maxLive < 32 * 1024 * 1024, $"live memory peaked at {maxLive / 1024 / 1024} MB while reading a {streamBytes / 1024 / 1024} MB file");
    }
}
