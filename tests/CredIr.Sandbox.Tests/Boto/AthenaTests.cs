using System.Text.Json;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>Debian's boto3 drives the sandbox's Athena: DDL, SELECT on DuckDB over the trail, paging, CSV, states and errors.</summary>
public sealed class AthenaTests(AthenaFixture fixture) : IClassFixture<AthenaFixture>
{
    private JsonElement Result => fixture.Result;

    [Fact]
    public void CreateDatabaseAndCloudTrailTable_Succeed_AsDdl_AndASecondCreateFails()
    {
        Assert.Equal("SUCCEEDED", Result.GetProperty("database").GetString());
        Assert.Equal("DDL", Result.GetProperty("databaseType").GetString());
        Assert.Equal("SUCCEEDED", Result.GetProperty("table").GetProperty("State").GetString());
        Assert.Equal("FAILED", Result.GetProperty("tableAgain").GetProperty("State").GetString());
        Assert.Contains("already exists", Result.GetProperty("tableAgain").GetProperty("StateChangeReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SelectByAccessKey_FindsEveryCallOfTheKey_WithPartitionValuesFromTheKeyLayout()
    {
        var selected = Result.GetProperty("selected");
        Assert.Equal("SUCCEEDED", selected.GetProperty("state").GetString());
        Assert.Equal("DML", selected.GetProperty("type").GetString());
        Assert.True(selected.GetProperty("hasCompletion").GetBoolean());
        var rows = Result.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetString()).ToList()).ToList();
        Assert.Equal(["eventname", "keyid", "username", "eventtime", "account", "region", "timestamp"], rows[0]);
        var data = rows.Skip(1).ToList();
        Assert.Equal(AthenaFixture.Calls, data.Count);
        Assert.All(data, r =>
        {
            Assert.Equal("GetCallerIdentity", r[0]);
            Assert.Equal(Result.GetProperty("keyId").GetString(), r[1]);
            Assert.Equal("athena-subject", r[2]);
            Assert.Equal(fixture.Sandbox.Accounts[0].AccountId, r[4]);
            Assert.Equal("us-east-1", r[5]);
            Assert.Equal(r[3]![..10].Replace('-', '/'), r[6]);
        });
        Assert.Equal(["varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"], Result.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void GetQueryResults_PagesByMaxResults_TheHeaderCountingAsTheFirstRow()
    {
        var pages = Result.GetProperty("pages").EnumerateArray().Select(p => p.GetInt32()).ToList();
        var total = AthenaFixture.Calls + 1;
        Assert.Equal(Enumerable.Range(0, (total + AthenaFixture.PageSize - 1) / AthenaFixture.PageSize).Select(i => Math.Min(AthenaFixture.PageSize, total - (i * AthenaFixture.PageSize))), pages);
        Assert.Equal("InvalidRequestException", Result.GetProperty("badToken").GetProperty("code").GetString());
    }

    [Fact]
    public void Results_AreAlsoACsvUnderTheOutputLocation_NamedByTheQueryId()
    {
        var csv = Result.GetProperty("csv").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetString()).ToList()).ToList();
        var rows = Result.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetString()).ToList()).ToList();
        Assert.Equal(rows, csv);
        Assert.Matches(@"^s3://athena-results-\d{12}/queries/[0-9a-f-]{36}\.csv$", Result.GetProperty("selected").GetProperty("output").GetString());
    }

    [Fact]
    public void PartitionPruning_ReadsOnlyTheFilesOfTheNamedPartitions_AndBillsTheirBytes()
    {
        var scanned = Result.GetProperty("selected").GetProperty("scanned").GetInt64();
        var everything = Result.GetProperty("everything");
        Assert.True(scanned > 0, "a query over today's us-east-1 files scanned nothing");
        Assert.True(everything.GetProperty("scanned").GetInt64() >= scanned);
        Assert.True(everything.GetProperty("count").GetInt32() >= AthenaFixture.Calls);
        Assert.Equal("SUCCEEDED", Result.GetProperty("pruned").GetProperty("state").GetString());
        Assert.Equal(0, Result.GetProperty("pruned").GetProperty("scanned").GetInt64());
    }

    [Fact]
    public void PrestoIsms_CatalogPrefixJsonFormatAndJsonExtractScalar_RunOnDuckDb()
    {
        Assert.Equal("SUCCEEDED", Result.GetProperty("json").GetProperty("state").GetProperty("State").GetString());
        var rows = Result.GetProperty("json").GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetString()).ToList()).ToList();
        var bucket = $"athena-results-{fixture.Sandbox.Accounts[0].AccountId}";
        var created = Assert.Single(rows.Skip(1), r => r[1] == bucket);
        using var resources = JsonDocument.Parse(created[0]!);
        Assert.Contains(resources.RootElement.EnumerateArray(), r => r.GetProperty("arn").GetString() == $"arn:aws:s3:::{bucket}" && r.GetProperty("type").GetString() == "AWS::S3::Bucket");
    }

    [Fact]
    public void AQueryTheEngineCannotRun_EndsFailed_WithAReason_AndNoResults()
    {
        var missing = Result.GetProperty("missing");
        Assert.Equal("FAILED", missing.GetProperty("state").GetString());
        Assert.StartsWith("TABLE_NOT_FOUND", missing.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, missing.GetProperty("error").GetProperty("ErrorCategory").GetInt32());
        Assert.Equal("InvalidRequestException", missing.GetProperty("results").GetProperty("code").GetString());
        Assert.Equal("FAILED", Result.GetProperty("syntax").GetProperty("state").GetString());
        Assert.StartsWith("SYNTAX_ERROR", Result.GetProperty("syntax").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("FAILED", Result.GetProperty("insert").GetProperty("state").GetString());
        Assert.StartsWith("NOT_SUPPORTED", Result.GetProperty("insert").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARunningQuery_HasNoResultsYet_AndStopQueryExecutionCancelsIt()
    {
        var slow = Result.GetProperty("slow");
        Assert.Equal("RUNNING", slow.GetProperty("state").GetString());
        Assert.Equal("InvalidRequestException", slow.GetProperty("results").GetProperty("code").GetString());
        Assert.Contains("not yet finished", slow.GetProperty("results").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("CANCELLED", slow.GetProperty("stopped").GetString());
    }

    [Fact]
    public void BadRequests_AreInvalidRequestException_WithAthenasMessages()
    {
        Assert.Equal("InvalidRequestException", Result.GetProperty("unknownQuery").GetProperty("code").GetString());
        Assert.Equal(400, Result.GetProperty("unknownQuery").GetProperty("status").GetInt32());
        Assert.StartsWith("No output location provided", Result.GetProperty("noOutput").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("WorkGroup nope is not found.", Result.GetProperty("noWorkgroup").GetProperty("message").GetString());
        Assert.Equal("InvalidRequestException", Result.GetProperty("duplicateWorkgroup").GetProperty("code").GetString());
        Assert.Equal("ENABLED", Result.GetProperty("workgroupState").GetString());
        Assert.EndsWith("/queries/", Result.GetProperty("workgroupOutput").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StartQueryExecution_RetriedWithTheSameClientRequestToken_StartsNothingNew()
    {
        var idempotent = Result.GetProperty("idempotent");
        Assert.Equal(idempotent.GetProperty("first").GetString(), idempotent.GetProperty("again").GetString());
    }

    [Fact]
    public void APartitionedTableWithoutProjection_HasNoPartitionsLoaded_AndReadsNothing()
    {
        var unprojected = Result.GetProperty("unprojected");
        Assert.Equal("SUCCEEDED", unprojected.GetProperty("state").GetString());
        Assert.Equal(0, unprojected.GetProperty("count").GetInt32());
        Assert.Equal(0, unprojected.GetProperty("scanned").GetInt64());
    }
}
