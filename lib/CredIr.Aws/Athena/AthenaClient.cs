using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>Amazon Athena (JSON 1.1), for querying an organization trail in S3. Thread-safe.</summary>
public sealed class AthenaClient
{
    private const string Target = "AmazonAthena";
    private readonly AwsChannel _channel;

    /// <summary>Creates the client.</summary>
    public AthenaClient(AwsRuntime runtime, AWSCredentials credentials, string region, string? accountId = null)
    {
        _channel = new AwsChannel(runtime, AwsServiceInfo.Athena, credentials, region, accountId);
    }

    /// <summary>Starts a query.</summary>
    public async Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken = default)
    {
        var body = Json.Object()
            .Set("QueryString", request.QueryString)
            .Set("ClientRequestToken", request.ClientRequestToken)
            .Set("WorkGroup", request.WorkGroup);
        if (request.Database is not null || request.Catalog is not null)
        {
            body["QueryExecutionContext"] = Json.Object().Set("Database", request.Database).Set("Catalog", request.Catalog);
        }

        if (request.OutputLocation is not null)
        {
            body["ResultConfiguration"] = new JsonObject { ["OutputLocation"] = request.OutputLocation };
        }

        var response = await _channel.SendAsync(Json.Target(Target, "StartQueryExecution", body), cancellationToken).ConfigureAwait(false);
        using var doc = Json.Parse(response);
        return new StartQueryExecutionResponse(doc.RootElement.Required("QueryExecutionId"), response.RequestId);
    }

    /// <summary>A query's state (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED).</summary>
    public async Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken = default)
    {
        var body = Json.Object().Set("QueryExecutionId", request.QueryExecutionId);
        var response = await _channel.SendAsync(Json.Target(Target, "GetQueryExecution", body), cancellationToken).ConfigureAwait(false);
        using var doc = Json.Parse(response);
        var q = doc.RootElement.Prop("QueryExecution") ?? throw new FormatException("GetQueryExecution returned no QueryExecution.");
        var status = q.Prop("Status");
        var execution = new AthenaQueryExecution(
            q.Required("QueryExecutionId"), q.Str("Query"), status?.Str("State") ?? "UNKNOWN", status?.Str("StateChangeReason"),
            status?.Time("SubmissionDateTime"), status?.Time("CompletionDateTime"),
            q.Prop("ResultConfiguration")?.Str("OutputLocation"), q.Prop("Statistics")?.Long("DataScannedInBytes"));
        return new GetQueryExecutionResponse(execution, response.RequestId);
    }

    /// <summary>Stops a query: it ends CANCELLED and bills only what it scanned so far.</summary>
    public async Task StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken = default)
    {
        var body = Json.Object().Set("QueryExecutionId", request.QueryExecutionId);
        await _channel.SendAsync(Json.Target(Target, "StopQueryExecution", body), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The result pages of a finished query, following NextToken.</summary>
    public async IAsyncEnumerable<AthenaResultPage> GetQueryResultsAsync(GetQueryResultsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var body = Json.Object().Set("QueryExecutionId", request.QueryExecutionId).Set("MaxResults", request.MaxResults).Set("NextToken", token);
            var response = await _channel.SendAsync(Json.Target(Target, "GetQueryResults", body), cancellationToken).ConfigureAwait(false);
            using var doc = Json.Parse(response);
            var set = doc.RootElement.Prop("ResultSet");
            var columns = set?.Prop("ResultSetMetadata")?.Array("ColumnInfo").Select(static c => c.Str("Name") ?? string.Empty).ToList() ?? [];
            var rows = set?.Array("Rows")
                .Select(static r => (IReadOnlyList<string?>)r.Array("Data").Select(static d => d.Str("VarCharValue")).ToList())
                .ToList() ?? [];
            token = doc.RootElement.Str("NextToken");
            yield return new AthenaResultPage(columns, rows, token);
        }
        while (!string.IsNullOrEmpty(token));
    }
}
