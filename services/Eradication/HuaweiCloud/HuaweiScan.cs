using System.Runtime.CompilerServices;
using CredIr.Contracts.V1;
using CredIr.Eradication.Closure;
using CredIr.HuaweiCloud.Hosting;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using Grpc.Core;

namespace CredIr.Eradication.HuaweiCloud;

/// <summary>
/// The scan on Huawei Cloud: the same closure, classification and derived-credential rules as AWS over
/// <see cref="CtsTrailSource"/>; what it streams says Huawei Cloud on every event and credential.
/// </summary>
public sealed class HuaweiScan(HuaweiCloudAccess access, EventClassifier classifier, RecordExtractor extractor, TimeProvider time)
{
    public async IAsyncEnumerable<ScanUpdate> ScanAsync(ScanRequest request, Func<ClosureRequest> closure, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!access.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, HuaweiCloudAccess.NotConfigured));
        }

        Validate(request);
        var engine = new ClosureEngine(new CtsTrailSource(access, time), classifier, extractor, time);
        await foreach (var update in Scanning.ScanHandler.Run(engine, closure(), cancellationToken))
        {
            switch (update.UpdateCase)
            {
                case ScanUpdate.UpdateOneofCase.Event:
                    update.Event.Provider = CloudProvider.HuaweiCloud;
                    break;
                case ScanUpdate.UpdateOneofCase.Credential:
                    update.Credential.Provider = CloudProvider.HuaweiCloud;
                    break;
            }

            yield return update;
        }
    }

    private static void Validate(ScanRequest request)
    {
        if (request.Credentials.Count == 0)
        {
            throw Invalid("credentials: give at least one compromised credential (an AK, or a user's URN iam::DOMAIN:user:NAME)");
        }

        for (var i = 0; i < request.Credentials.Count; i++)
        {
            var credential = request.Credentials[i];
            if (string.IsNullOrWhiteSpace(credential.AccessKeyId) && !credential.PrincipalArn.StartsWith("iam::", StringComparison.Ordinal))
            {
                throw Invalid($"credentials[{i}]: set access_key_id (an AK) or principal_arn (a user's URN iam::DOMAIN:user:NAME)");
            }
        }

        if (request.Since is null)
        {
            throw Invalid("since: give the compromise time (calls before it are not the actor's)");
        }

        if (request.Until is { } until && request.Since.ToDateTimeOffset() > until.ToDateTimeOffset())
        {
            throw Invalid($"since ({request.Since.ToDateTimeOffset():O}) is after until ({until.ToDateTimeOffset():O})");
        }

        if (request.Source is not (TrailSourceKind.Unspecified or TrailSourceKind.LookupEvents) || request.LogLocation.Length > 0)
        {
            throw Invalid("source: Huawei Cloud traces are read from CTS; leave source unspecified (or LOOKUP_EVENTS, the API source) and log_location empty");
        }
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
