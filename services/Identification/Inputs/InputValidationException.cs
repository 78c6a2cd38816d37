namespace CredIr.Identification.Inputs;

/// <summary>
/// An input the service cannot use. <see cref="Field"/> names the request field (e.g. "finding_json")
/// and the message says what to fix; the gRPC layer maps it to INVALID_ARGUMENT.
/// </summary>
public sealed class InputValidationException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;

    /// <summary>The message without the field prefix.</summary>
    public string Problem { get; } = problem;
}
