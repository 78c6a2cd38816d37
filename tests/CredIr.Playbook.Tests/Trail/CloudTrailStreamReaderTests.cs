using System.Text;
using System.Text.Json;
using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Tests.Trail;

public sealed class CloudTrailStreamReaderTests
{
    private static async Task<List<CloudTrailRecord>> ReadAsync(Stream stream)
    {
        var list = new List<CloudTrailRecord>();
        await foreach (var record in CloudTrailStreamReader.ReadAsync(stream))
        {
            list.Add(record);
        }

        return list;
    }

    [Fact]
    public async Task RecordsObject_EveryInvictusFile_YieldsTheRecordsJqCounts()
    {
        // jq '.Records | length' over the 55 files sums to 2900 (SUMMARY.md says 2900 events).
        var total = 0;
        foreach (var file in Directory.EnumerateFiles(Datasets.InvictusStratus, "*.json"))
        {
            await using var stream = File.OpenRead(file);
            total += (await ReadAsync(stream)).Count;
        }

        Assert.Equal(2900, total);
    }

    [Fact]
    public async Task BareArray_StratusDetonationFiles_YieldTheRecordsJqCounts()
    {
        // jq 'length' over the 35 aws.*.json files sums to 310 (SUMMARY.md: 310 events).
        var total = 0;
        foreach (var file in Directory.EnumerateFiles(Datasets.StratusDetonations, "aws.*.json"))
        {
            await using var stream = File.OpenRead(file);
            total += (await ReadAsync(stream)).Count;
        }

        Assert.Equal(310, total);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4093)]
    public async Task TinyReads_RecordsSplitAcrossBuffers_ParseIdentically(int chunk)
    {
        var path = Directory.EnumerateFiles(Datasets.InvictusStratus, "*.json").OrderBy(p => p, StringComparer.Ordinal).First();
        var bytes = await File.ReadAllBytesAsync(path);
        var whole = await ReadAsync(new MemoryStream(bytes));

        var trickled = await ReadAsync(new TrickleStream(bytes, chunk));

        Assert.Equal(whole.Select(r => r.EventId), trickled.Select(r => r.EventId));
        Assert.NotEmpty(whole);
    }

    [Fact]
    public async Task RecordLargerThanBuffer_IsReadWhole()
    {
        var big = new string('x', 300_000);
        var json = $$$"""{"Records":[{"eventID":"a","eventName":"PutObject","requestParameters":{"blob":"{{{big}}}"}},{"eventID":"b"}]}""";

        var records = await ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), 10_000));

        Assert.Equal(["a", "b"], records.Select(r => r.EventId));
        Assert.Equal(big.Length, records[0].RequestParameters!.Value.GetProperty("blob").GetString()!.Length);
    }

    [Fact]
    public async Task OtherTopLevelProperties_AreSkipped()
    {
        var json = """{"digestPublicKeyFingerprint":"ab","Other":{"nested":[1,2,{"Records":[]}]},"Records":[{"eventID":"only"}],"Trailer":null}""";

        var records = await ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("only", Assert.Single(records).EventId);
    }

    [Fact]
    public async Task TruncatedFile_Throws()
    {
        var json = """{"Records":[{"eventID":"a"},{"eventID":"b","eventName":"Cre""";

        await Assert.ThrowsAnyAsync<JsonException>(() => ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public async Task EmptyRecords_YieldsNothing()
    {
        Assert.Empty(await ReadAsync(new MemoryStream("""{"Records":[]}"""u8.ToArray())));
        Assert.Empty(await ReadAsync(new MemoryStream("[]"u8.ToArray())));
    }
}
