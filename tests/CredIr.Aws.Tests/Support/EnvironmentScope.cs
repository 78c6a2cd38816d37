namespace CredIr.Aws.Tests.Support;

/// <summary>Sets environment variables for one test and puts the previous values back.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private static readonly string[] AwsVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION",
        "AWS_DEFAULT_REGION", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS",
        "AWS_ENDPOINT_URL_IAM", "AWS_EC2_METADATA_DISABLED", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    ];

    private readonly Dictionary<string, string?> _saved = [];

    /// <summary>Clears every AWS variable (so nothing of the machine leaks in), then sets the given ones.</summary>
    public EnvironmentScope(IReadOnlyDictionary<string, string> values)
    {
        foreach (var name in AwsVariables.Concat(values.Keys).Distinct())
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }

        // Off EC2, the instance metadata provider would only wait for a timeout.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        foreach (var (name, value) in values)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
