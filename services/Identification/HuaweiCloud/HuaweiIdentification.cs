using CredIr.Contracts.V1;
using CredIr.HuaweiCloud.Hosting;
using CredIr.Identification.HuaweiCloud.Inputs;
using CredIr.Identification.Inputs;
using CredIr.Identification.Resolution;
using Grpc.Core;

namespace CredIr.Identification.HuaweiCloud;

/// <summary>
/// Identification on Huawei Cloud: what differs from AWS is the input (an AK, 20 letters and digits) and where the
/// answers come from (<see cref="HuaweiCredentialDirectory"/>); resolution and the compromise-time estimate are the same.
/// </summary>
public sealed class HuaweiIdentification
{
    private readonly HuaweiCloudAccess _access;

    public HuaweiIdentification(HuaweiCloudAccess access)
    {
        _access = access;
        Resolver = new CredentialResolver(new HuaweiCredentialDirectory(access));
    }

    public CredentialResolver Resolver { get; }

    /// <summary>FAILED_PRECONDITION naming the keys to set when no Huawei Cloud access is configured.</summary>
    public void EnsureConfigured()
    {
        if (!_access.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, HuaweiCloudAccess.NotConfigured));
        }
    }

    /// <summary>
    /// The input as a Huawei AK, or INVALID_ARGUMENT saying what to give. A finding_json (SecMaster alert, CTS key
    /// event) is parsed by its shape with the AWS findings (<see cref="FindingJsonParser"/>), which says its cloud.
    /// </summary>
    public ParsedInput Parse(IdentificationInput input)
    {
        EnsureConfigured();
        if (input.InputCase != IdentificationInput.InputOneofCase.AccessKeyId)
        {
            throw new InputValidationException("input", "on Huawei Cloud, give access_key_id (the leaked AK) or finding_json (a SecMaster alert or CTS key-event notification); principal_arn is an AWS input");
        }

        var value = input.AccessKeyId.Trim();
        if (!HuaweiAccessKeys.IsAccessKey(value))
        {
            throw new InputValidationException("access_key_id", HuaweiAccessKeys.Problem(value));
        }

        return new ParsedInput
        {
            Kind = InputKind.AccessKeyId,
            Provider = CloudProvider.HuaweiCloud,
            Description = "Huawei Cloud IAM access key (AK)",
            Credentials = [new CredentialHint { AccessKeyId = value }],
        };
    }
}
