using CredIr.Identification.Cmdb;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Tests.Cmdb;

public sealed class CmdbLoaderTests
{
    [Fact]
    public void SampleFile_Loads_WithResourcesSectionForRecovery()
    {
        var cmdb = CmdbLoader.Load(Path.Combine(AppContext.BaseDirectory, "Samples", "sample-cmdb.json"));

        Assert.Equal(3, cmdb.Applications.Count);
        Assert.Equal("Enabled", cmdb.Resources["arn:aws:s3:::payments-receipts"].GetProperty("versioning").GetString());
    }

    [Theory]
    [InlineData("""{"applications":[{"name":"a"},{"name":"A"}]}""", "the name 'A' is used twice")]
    [InlineData("""{"applications":[{"name":"a","accountIds":["1234"]}]}""", "account id '1234' is not 12 digits")]
    [InlineData("""{"applications":[{"name":"a","owners":[{"name":"x"}]}]}""", "applications[0] (a).owners[0] needs both a name and a contact")]
    [InlineData("""{"applicatons":[]}""", "applicatons")]
    [InlineData("""{"organization":{"regulators":[{"name":"r","contact":"c"}]}}""", "regulators[0] needs a name, a contact and requiredWhen")]
    public void Parse_Mistake_IsRefusedNamingTheEntry(string json, string expected)
    {
        var error = Assert.Throws<CmdbFormatException>(() => CmdbLoader.Parse(json, "cmdb.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("cmdb.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Store_FileEdited_ReturnsTheNewContent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cmdb-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """{"applications":[{"name":"one"}]}""");
            var store = new CmdbStore(Options.Create(new IdentificationOptions { CmdbPath = path }));
            Assert.Equal("one", Assert.Single(store.Current().Applications).Name);

            File.WriteAllText(path, """{"applications":[{"name":"two"}]}""");
            File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));

            Assert.Equal("two", Assert.Single(store.Current().Applications).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Store_PathMissing_SaysWhichSetting()
    {
        var store = new CmdbStore(Options.Create(new IdentificationOptions { CmdbPath = "/nonexistent/cmdb.json" }));

        var error = Assert.Throws<CmdbFormatException>(store.Current);

        Assert.Contains("Identification:CmdbPath", error.Message, StringComparison.Ordinal);
    }
}
