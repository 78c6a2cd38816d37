using CredIr.Contracts.V1;
using CredIr.Eradication.Trails.LogFiles;
using Grpc.Core;

namespace CredIr.Eradication.Scanning;

/// <summary>Checks a ScanRequest before any work: the caller learns what to fix (INVALID_ARGUMENT) or what is missing here.</summary>
internal static partial class ScanRequestValidator
{
    public static void Validate(ScanRequest request, DateTimeOffset now)
    {
        if (request.Credentials.Count == 0)
        {
            throw Invalid("credentials: give at least one compromised credential (an access key id or a principal ARN)");
        }

        for (var i = 0; i < request.Credentials.Count; i++)
        {
            var credential = request.Credentials[i];
            if (string.IsNullOrWhiteSpace(credential.AccessKeyId) && string.IsNullOrWhiteSpace(credential.PrincipalArn))
            {
                throw Invalid($"credentials[{i}]: set access_key_id or principal_arn");
            }

            if (!string.IsNullOrWhiteSpace(credential.AccessKeyId) && !LooksLikeKeyId(credential.AccessKeyId))
            {
                throw Invalid($"credentials[{i}].access_key_id: '{credential.AccessKeyId}' is not an access key id (AKIA.../ASIA..., 16 to 128 letters and digits)");
            }

            if (!string.IsNullOrWhiteSpace(credential.PrincipalArn) && !credential.PrincipalArn.StartsWith("arn:", StringComparison.Ordinal))
            {
                throw Invalid($"credentials[{i}].principal_arn: '{credential.PrincipalArn}' is not an ARN");
            }
        }

        if (request.Since is null)
        {
            throw Invalid("since: give the compromise time (calls before it are not the actor's)");
        }

        var until = request.Until?.ToDateTimeOffset() ?? now;
        if (request.Since.ToDateTimeOffset() > until)
        {
            throw Invalid($"since ({request.Since.ToDateTimeOffset():O}) is after until ({until:O})");
        }

        if (request.MaxDepth < 0)
        {
            throw Invalid("max_depth: 0 for no limit, or a positive number of hops");
        }

        switch (request.Source)
        {
            case TrailSourceKind.LookupEvents:
                break;
            case TrailSourceKind.LogFiles:
            case TrailSourceKind.Unspecified when !string.IsNullOrEmpty(request.LogLocation):
                if (request.LogLocation.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
                {
                    if (!S3Location().IsMatch(request.LogLocation))
                    {
                        throw Invalid($"log_location: '{request.LogLocation}' is not s3://bucket or s3://bucket/prefix/");
                    }
                }
                else if (LogFileTrailSource.Problem(request.LogLocation) is { } problem)
                {
                    throw Invalid(problem);
                }

                break;
            case TrailSourceKind.Athena:
                break;
            case TrailSourceKind.Unspecified:
                throw Invalid("source: choose a trail source (TRAIL_SOURCE_KIND_LOOKUP_EVENTS, TRAIL_SOURCE_KIND_ATHENA, or TRAIL_SOURCE_KIND_LOG_FILES with log_location)");
            default:
                throw Invalid($"source: {request.Source} is not a trail source; use TRAIL_SOURCE_KIND_LOOKUP_EVENTS, TRAIL_SOURCE_KIND_ATHENA or TRAIL_SOURCE_KIND_LOG_FILES");
        }
    }

    private static bool LooksLikeKeyId(string value) =>
        value.Length is >= 16 and <= 128 && value.All(char.IsAsciiLetterOrDigit);

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    [System.Text.RegularExpressions.GeneratedRegex("^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex S3Location();
}
