using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using CredIr.Aws.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CredIr.Aws.Tests.Athena;

/// <summary>
/// The sandbox has no Athena yet: these tests serve Athena's JSON 1.1 wire shapes (botocore
/// athena 2017-05-18) from a loopback Kestrel endpoint and check what the client sends and reads.
/// </summary>
public sealed class AthenaClientTests : IAsyncLifetime
{
    private readonly List<(string Target, JsonObject Body)> _requests = [];
    private WebApplication? _app;
    private Uri? _endpoint;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        _endpoint = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Query_StartPollReadPages_SendsAthenaShapesAndReadsEveryRow()
    {
        using var http = new HttpClient();
        using var runtime = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = _endpoint, UseEnvironmentEndpoints = false });
        var athena = runtime.CreateScope(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), "us-east-1").Athena;

        var started = await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest("SELECT eventname FROM cloudtrail_logs")
        {
            Database = "security",
            OutputLocation = "s3://athena-results/credir/",
            ClientRequestToken = "INC-1-query-1",
        });
        var execution = (await athena.GetQueryExecutionAsync(new GetQueryExecutionRequest(started.QueryExecutionId))).QueryExecution;
        var pages = await athena.GetQueryResultsAsync(new GetQueryResultsRequest(started.QueryExecutionId, MaxResults: 2)).ToListAsync();

        Assert.Equal("q-123", started.QueryExecutionId);
        Assert.Equal("SUCCEEDED", execution.State);
        Assert.Equal(1024, execution.DataScannedInBytes);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero), execution.SubmissionDateTime);
        Assert.Equal(2, pages.Count);
        Assert.Equal(["eventname"], pages[0].Columns);
        Assert.Equal(["eventname", "CreateUser", "CreateAccessKey"], pages.SelectMany(p => p.Rows).Select(r => r[0]));
        Assert.Equal("AmazonAthena.StartQueryExecution", _requests[0].Target);
        Assert.Equal("security", _requests[0].Body["QueryExecutionContext"]!["Database"]!.GetValue<string>());
        Assert.Equal("s3://athena-results/credir/", _requests[0].Body["ResultConfiguration"]!["OutputLocation"]!.GetValue<string>());
        Assert.Equal("page-2", _requests[^1].Body["NextToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidRequest_JsonErrorShape_IsTypedWithoutRetry()
    {
        using var counter = new CountingHandler();
        using var http = new HttpClient(counter);
        using var runtime = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = _endpoint, UseEnvironmentEndpoints = false });
        var athena = runtime.CreateScope(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), "us-east-1").Athena;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => athena.GetQueryExecutionAsync(new GetQueryExecutionRequest("missing")));

        Assert.Equal("InvalidRequestException", error.Code);
        Assert.Equal("athena-req-9", error.RequestId);
        Assert.Equal(1, counter.Count);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
        lock (_requests)
        {
            _requests.Add((target, body));
        }

        context.Response.ContentType = "application/x-amz-json-1.1";
        if (!context.Request.Headers.Authorization.ToString().StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", StringComparison.Ordinal)
            || body["QueryExecutionId"]?.GetValue<string>() == "missing")
        {
            context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            context.Response.Headers["x-amzn-RequestId"] = "athena-req-9";
            await context.Response.WriteAsync("""{"__type":"InvalidRequestException","Message":"QueryExecution missing was not found"}""");
            return;
        }

        var response = target switch
        {
            "AmazonAthena.StartQueryExecution" => """{"QueryExecutionId":"q-123"}""",
            "AmazonAthena.GetQueryExecution" => """{"QueryExecution":{"QueryExecutionId":"q-123","Query":"SELECT 1","Status":{"State":"SUCCEEDED","SubmissionDateTime":1700000000.0},"ResultConfiguration":{"OutputLocation":"s3://athena-results/credir/q-123.csv"},"Statistics":{"DataScannedInBytes":1024}}}""",
            _ when body["NextToken"] is null => """{"ResultSet":{"Rows":[{"Data":[{"VarCharValue":"eventname"}]},{"Data":[{"VarCharValue":"CreateUser"}]}],"ResultSetMetadata":{"ColumnInfo":[{"Name":"eventname","Type":"varchar"}]}},"NextToken":"page-2"}""",
            _ => """{"ResultSet":{"Rows":[{"Data":[{"VarCharValue":"CreateAccessKey"}]}],"ResultSetMetadata":{"ColumnInfo":[{"Name":"eventname","Type":"varchar"}]}}}""",
        };
        await context.Response.WriteAsync(response);
    }
}
