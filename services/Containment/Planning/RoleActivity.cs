using System.Globalization;
using System.Text.Json;
using CredIr.Aws;
using CredIr.Containment.Cloud;

namespace CredIr.Containment.Planning;

/// <summary>
/// Who else uses a role: the principals its trust policy admits, and the sessions issued in the
/// lookback window (CloudTrail AssumeRole events on the role) whose keys are not the compromised ones.
/// </summary>
internal static class RoleActivity
{
    private static readonly string[] ExpirationFormats = ["MMM d, yyyy, h:mm:ss tt", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"];

    public static async Task AddAsync(PlanBuilder plan, IamRole role, AwsScope scope, IReadOnlySet<string> compromisedKeys, string responderArn,
        DateTimeOffset now, TimeSpan lookback, CancellationToken ct)
    {
        foreach (var principal in TrustedPrincipals(role.AssumeRolePolicyDocument))
        {
            plan.Affects(principal);
        }

        var request = new LookupEventsRequest
        {
            LookupAttributes = [new LookupAttribute(LookupAttributeKey.ResourceName, role.Arn)],
            StartTime = now - lookback,
            EndTime = now,
        };
        var active = 0;
        try
        {
            // IAM and STS events of the global endpoint are recorded in the partition's home region.
            await foreach (var record in scope.WithRegion(scope.GlobalEventsRegion).CloudTrail.LookupEventsAsync(request, ct).ConfigureAwait(false))
            {
                if (!record.EventName.StartsWith("AssumeRole", StringComparison.Ordinal) || Session(record) is not { } session)
                {
                    continue;
                }

                if (compromisedKeys.Contains(session.IssuedKey) || (session.CallerKey is { } k && compromisedKeys.Contains(k))
                    || string.Equals(session.CallerArn, responderArn, StringComparison.Ordinal))
                {
                    continue;
                }

                plan.Affects(session.CallerArn);
                plan.LegitimateCaller($"{session.CallerArn} (session {session.Name}, {record.EventTime.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'})");
                if (session.Expires is { } expires && expires > now)
                {
                    active++;
                }
            }
        }
        catch (Exception e) when (AwsErrors.IsCloudError(e))
        {
            plan.Warn($"The legitimate users of role {role.RoleName} could not be read from CloudTrail in account {scope.AccountId} ({(e as AwsServiceException)?.Code ?? e.GetType().Name}): the blast radius may be larger than shown.");
        }

        plan.ActiveSessions(active);
    }

    private static IEnumerable<string> TrustedPrincipals(string? trustPolicy)
    {
        if (string.IsNullOrEmpty(trustPolicy))
        {
            yield break;
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(trustPolicy);
        }
        catch (JsonException)
        {
            yield break;
        }

        using (doc)
        {
            var statements = doc.RootElement.TryGetProperty("Statement", out var s) ? s : default;
            var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : statements.ValueKind == JsonValueKind.Object ? [statements] : [];
            foreach (var statement in list)
            {
                if (!statement.TryGetProperty("Effect", out var effect) || effect.GetString() != "Allow" || !statement.TryGetProperty("Principal", out var principal))
                {
                    continue;
                }

                if (principal.ValueKind == JsonValueKind.String)
                {
                    yield return principal.GetString()!;
                    continue;
                }

                foreach (var kind in principal.EnumerateObject())
                {
                    var values = kind.Value.ValueKind == JsonValueKind.Array ? kind.Value.EnumerateArray().Select(static v => v.GetString()) : [kind.Value.GetString()];
                    foreach (var value in values.OfType<string>())
                    {
                        yield return value;
                    }
                }
            }
        }
    }

    private static IssuedSession? Session(CloudTrailEventRecord record)
    {
        using var doc = JsonDocument.Parse(record.CloudTrailEvent);
        var root = doc.RootElement;
        if (root.TryGetProperty("errorCode", out var error) && error.ValueKind == JsonValueKind.String)
        {
            return null;
        }

        if (!root.TryGetProperty("responseElements", out var response) || response.ValueKind != JsonValueKind.Object
            || !response.TryGetProperty("credentials", out var credentials) || !credentials.TryGetProperty("accessKeyId", out var issued))
        {
            return null;
        }

        var identity = root.TryGetProperty("userIdentity", out var u) ? u : default;
        var callerArn = identity.ValueKind == JsonValueKind.Object && identity.TryGetProperty("arn", out var arn) ? arn.GetString() ?? "unknown" : "unknown";
        var callerKey = identity.ValueKind == JsonValueKind.Object && identity.TryGetProperty("accessKeyId", out var key) ? key.GetString() : null;
        var name = root.TryGetProperty("requestParameters", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("roleSessionName", out var n)
            ? n.GetString() ?? string.Empty : string.Empty;
        DateTimeOffset? expires = credentials.TryGetProperty("expiration", out var e)
            && DateTimeOffset.TryParseExact(e.GetString(), ExpirationFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        return new IssuedSession(issued.GetString() ?? string.Empty, callerArn, callerKey, name, expires);
    }

    private sealed record IssuedSession(string IssuedKey, string CallerArn, string? CallerKey, string Name, DateTimeOffset? Expires);
}
