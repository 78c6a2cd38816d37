using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.Athena;

/// <summary>
/// Athena over JSON 1.1 (botocore's athena model): queries start, run in the background and are polled, their
/// results paged (the first row of a SELECT's first page is the header, as Athena gives it); workgroups.
/// </summary>
internal sealed partial class AthenaService(SandboxAthena engine) : ISandboxService
{
    private const int MaxPage = 1000;
    private static readonly HashSet<string> Operations = ["StartQueryExecution", "GetQueryExecution", "GetQueryResults", "StopQueryExecution", "GetWorkGroup", "CreateWorkGroup"];

    public ServiceModel Descriptor => ServiceModel.Athena;

    public string? Resolve(RequestLine line) => line.Action is { } a && Operations.Contains(a) ? a : null;

    public ServiceResult Handle(SandboxCall call) => call.Operation switch
    {
        "StartQueryExecution" => StartQueryExecution(call),
        "GetQueryExecution" => GetQueryExecution(call),
        "GetQueryResults" => GetQueryResults(call),
        "StopQueryExecution" => StopQueryExecution(call),
        "GetWorkGroup" => GetWorkGroup(call),
        _ => CreateWorkGroup(call),
    };

    private ServiceResult StartQueryExecution(SandboxCall call)
    {
        var sql = Required(call, "QueryString");
        var workGroupName = Optional(call.Json, "WorkGroup") ?? AthenaAccount.PrimaryWorkGroup;
        call.Authorize("athena:StartQueryExecution", WorkGroupArn(call, workGroupName));
        var database = Optional(call.Json["QueryExecutionContext"] as JsonObject, "Database")?.ToLowerInvariant();
        var output = Optional(call.Json["ResultConfiguration"] as JsonObject, "OutputLocation");
        var token = Optional(call.Json, "ClientRequestToken");
        var (execution, isNew) = engine.With(call.Account.Id, account =>
        {
            var workGroup = account.WorkGroups.GetValueOrDefault(workGroupName) ?? throw Invalid($"WorkGroup {workGroupName} is not found.");
            if (token is not null && account.Tokens.TryGetValue(token, out var earlier))
            {
                return (account.Executions[earlier], false);
            }

            var location = output ?? workGroup.OutputLocation
                ?? throw Invalid("No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.");
            if (!location.StartsWith("s3://", StringComparison.Ordinal) || location.Length <= 5)
            {
                throw Invalid($"The S3 location provided to save your query results is invalid: {location}");
            }

            var id = call.State.Ids.Guid().ToString();
            var created = new AthenaExecution(id, call.Account.Id, sql, database, workGroupName, location, call.Time);
            account.Executions[id] = created;
            if (token is not null)
            {
                account.Tokens[token] = id;
            }

            return (created, true);
        });
        if (isNew)
        {
            engine.Start(execution);
        }

        return ServiceResult.Of(new JsonObject { ["QueryExecutionId"] = execution.Id });
    }

    private ServiceResult GetQueryExecution(SandboxCall call)
    {
        var execution = Find(call, "athena:GetQueryExecution");
        lock (execution.Gate)
        {
            var status = new JsonObject { ["State"] = execution.State, ["SubmissionDateTime"] = Epoch(execution.Submitted) };
            if (execution.Reason is { } reason)
            {
                status["StateChangeReason"] = reason;
            }

            if (execution.Completed is { } completed)
            {
                status["CompletionDateTime"] = Epoch(completed);
            }

            if (execution.State == "FAILED")
            {
                var system = execution.Reason?.StartsWith("GENERIC_INTERNAL_ERROR", StringComparison.Ordinal) == true;
                status["AthenaError"] = new JsonObject { ["ErrorCategory"] = system ? 1 : 2, ["ErrorType"] = system ? 401 : 1000, ["Retryable"] = false, ["ErrorMessage"] = execution.Reason };
            }

            var query = new JsonObject
            {
                ["QueryExecutionId"] = execution.Id,
                ["Query"] = execution.Query,
                ["StatementType"] = execution.StatementType,
                ["ResultConfiguration"] = new JsonObject { ["OutputLocation"] = execution.OutputLocation.TrimEnd('/') + "/" + execution.Id + ".csv" },
                ["QueryExecutionContext"] = execution.Database is { } db ? new JsonObject { ["Database"] = db, ["Catalog"] = "awsdatacatalog" } : new JsonObject(),
                ["Status"] = status,
                ["Statistics"] = new JsonObject
                {
                    ["EngineExecutionTimeInMillis"] = execution.EngineMillis,
                    ["DataScannedInBytes"] = execution.BytesScanned,
                    ["TotalExecutionTimeInMillis"] = execution.Completed is { } end ? (long)(end - execution.Submitted).TotalMilliseconds : 0,
                    ["QueryQueueTimeInMillis"] = 0,
                },
                ["WorkGroup"] = execution.WorkGroup,
                ["EngineVersion"] = EngineVersion(),
            };
            return ServiceResult.Of(new JsonObject { ["QueryExecution"] = query });
        }
    }

    private ServiceResult GetQueryResults(SandboxCall call)
    {
        var execution = Find(call, "athena:GetQueryResults");
        var max = call.Json["MaxResults"]?.GetValue<int>() ?? MaxPage;
        if (max is < 1 or > MaxPage)
        {
            throw Invalid($"1 validation error detected: Value '{max}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to {MaxPage}");
        }

        IReadOnlyList<AthenaColumn> columns;
        IReadOnlyList<string?[]> rows;
        bool select;
        lock (execution.Gate)
        {
            if (execution.State != "SUCCEEDED")
            {
                throw Invalid(execution.Finished
                    ? $"Query did not finish successfully. Final query state: {execution.State}" + (execution.Reason is { } r ? "\n" + r : string.Empty)
                    : $"Query has not yet finished. Current state: {execution.State}");
            }

            (columns, rows, select) = (execution.Columns, execution.Rows, execution.StatementType == "DML");
        }

        // The header row counts as a row of the first page, as in Athena.
        var total = rows.Count + (select ? 1 : 0);
        var offset = Optional(call.Json, "NextToken") is { } token ? Offset(token, execution.Id, total) : 0;
        var end = Math.Min(total, offset + max);
        var page = new JsonArray();
        for (var i = offset; i < end; i++)
        {
            var values = select && i == 0 ? columns.Select(c => c.Name).ToArray() : rows[i - (select ? 1 : 0)];
            page.Add(new JsonObject { ["Data"] = new JsonArray(values.Select(v => (JsonNode)(v is null ? new JsonObject() : new JsonObject { ["VarCharValue"] = v })).ToArray()) });
        }

        var result = new JsonObject
        {
            ["UpdateCount"] = 0,
            ["ResultSet"] = new JsonObject
            {
                ["Rows"] = page,
                ["ResultSetMetadata"] = new JsonObject
                {
                    ["ColumnInfo"] = new JsonArray(columns.Select(c => (JsonNode)new JsonObject
                    {
                        ["CatalogName"] = "hive",
                        ["SchemaName"] = "",
                        ["TableName"] = "",
                        ["Name"] = c.Name,
                        ["Label"] = c.Name,
                        ["Type"] = c.Type,
                        ["Precision"] = c.Type == "varchar" ? int.MaxValue : 0,
                        ["Scale"] = 0,
                        ["Nullable"] = "UNKNOWN",
                        ["CaseSensitive"] = c.Type == "varchar",
                    }).ToArray()),
                },
            },
        };
        if (end < total)
        {
            result["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{execution.Id}:{end}"));
        }

        return ServiceResult.Of(result);
    }

    private ServiceResult StopQueryExecution(SandboxCall call)
    {
        engine.Stop(Find(call, "athena:StopQueryExecution"));
        return ServiceResult.Of(new JsonObject());
    }

    private ServiceResult GetWorkGroup(SandboxCall call)
    {
        var name = Required(call, "WorkGroup");
        call.Authorize("athena:GetWorkGroup", WorkGroupArn(call, name));
        var workGroup = engine.With(call.Account.Id, a => a.WorkGroups.GetValueOrDefault(name)) ?? throw Invalid($"WorkGroup {name} is not found.");
        var configuration = new JsonObject
        {
            ["EnforceWorkGroupConfiguration"] = false,
            ["PublishCloudWatchMetricsEnabled"] = false,
            ["RequesterPaysEnabled"] = false,
            ["EngineVersion"] = EngineVersion(),
        };
        if (workGroup.OutputLocation is { } output)
        {
            configuration["ResultConfiguration"] = new JsonObject { ["OutputLocation"] = output };
        }

        var rendered = new JsonObject { ["Name"] = workGroup.Name, ["State"] = "ENABLED", ["Configuration"] = configuration, ["CreationTime"] = Epoch(workGroup.Created) };
        if (workGroup.Description is { } description)
        {
            rendered["Description"] = description;
        }

        return ServiceResult.Of(new JsonObject { ["WorkGroup"] = rendered });
    }

    private ServiceResult CreateWorkGroup(SandboxCall call)
    {
        var name = Required(call, "Name");
        if (!WorkGroupNameRegex().IsMatch(name))
        {
            throw Invalid($"1 validation error detected: Value '{name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9._-]{{1,128}}");
        }

        call.Authorize("athena:CreateWorkGroup", WorkGroupArn(call, name));
        var output = Optional((call.Json["Configuration"] as JsonObject)?["ResultConfiguration"] as JsonObject, "OutputLocation");
        engine.With(call.Account.Id, account =>
        {
            if (account.WorkGroups.ContainsKey(name))
            {
                throw Invalid($"WorkGroup {name} is already created");
            }

            account.WorkGroups[name] = new AthenaWorkGroup(name, output, Optional(call.Json, "Description"), call.Time);
            return true;
        });
        return ServiceResult.Of(new JsonObject());
    }

    private AthenaExecution Find(SandboxCall call, string action)
    {
        var id = Required(call, "QueryExecutionId");
        var execution = engine.With(call.Account.Id, a => a.Executions.GetValueOrDefault(id)) ?? throw Invalid($"QueryExecution {id} was not found");
        call.Authorize(action, WorkGroupArn(call, execution.WorkGroup));
        return execution;
    }

    private static int Offset(string token, string id, int total)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var colon = text.LastIndexOf(':');
            if (colon > 0 && text[..colon] == id && int.TryParse(text[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var offset) && offset > 0 && offset <= total)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Not base64: the same answer as any other token that is not ours.
        }

        throw Invalid("The token provided is not valid.");
    }

    private static JsonObject EngineVersion() => new() { ["SelectedEngineVersion"] = "AUTO", ["EffectiveEngineVersion"] = "Athena engine version 3" };

    private static double Epoch(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    private static string WorkGroupArn(SandboxCall call, string name) => call.Arn("athena", $"workgroup/{name}");

    private static string Required(SandboxCall call, string name) =>
        Optional(call.Json, name) is { Length: > 0 } value ? value : throw Invalid($"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    private static string? Optional(JsonObject? json, string name) => json?[name]?.GetValue<string>();

    private static AwsServiceException Invalid(string message) => new("InvalidRequestException", message);

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkGroupNameRegex();
}
