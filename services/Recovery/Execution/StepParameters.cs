using System.Text.Json.Nodes;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Recovery.Execution;

/// <summary>A step's parameters_json, with the field named when one is missing (the plan came from the caller).</summary>
internal sealed class StepParameters
{
    private readonly JsonObject _values;
    private readonly string _stepId;

    public StepParameters(PlanStep step)
    {
        _stepId = step.StepId;
        try
        {
            _values = JsonNode.Parse(string.IsNullOrEmpty(step.ParametersJson) ? "{}" : step.ParametersJson) as JsonObject
                ?? throw new RpcException(new Status(StatusCode.InvalidArgument, $"steps[{step.StepId}].parameters_json must be a JSON object"));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"steps[{step.StepId}].parameters_json is not JSON: {e.Message}"));
        }
    }

    public string Required(string name) =>
        Optional(name) ?? throw new RpcException(new Status(StatusCode.InvalidArgument, $"steps[{_stepId}].parameters_json.{name} is required"));

    public string? Optional(string name) => _values[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    /// <summary>A JSON object parameter of string values (tags), empty when absent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs(string name) =>
        _values[name] is JsonObject map
            ? [.. map.Select(p => new KeyValuePair<string, string>(p.Key, p.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : ""))]
            : [];

    /// <summary>A JSON array parameter of strings (volume ids), empty when absent.</summary>
    public IReadOnlyList<string> Strings(string name) =>
        _values[name] is JsonArray items ? [.. items.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var text) ? text : "").Where(t => t.Length > 0)] : [];

    public int? Int(string name) => _values[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
