using CredIr.Contracts.V1;
using CredIr.HuaweiCloud.Hosting;
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

    /// <summary>The input as a Huawei AK, or INVALID_ARGUMENT saying what to give.</summary>
    public ParsedInput Parse(IdentificationInput input)
    {
        if (!_access.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, HuaweiCloudAccess.NotConfigured));
        }

        if (input.InputCase != IdentificationInput.InputOneofCase.AccessKeyId)
        {
            throw new InputValidationException("input", "on Huawei Cloud, give access_key_id (the leaked AK); principal_arn and finding_json are AWS inputs");
        }

        var value = input.AccessKeyId.Trim();
        if (value.Length == 40)
        {
            // A secret pasted by mistake: never echoed.
            throw new InputValidationException("access_key_id", "looks like a secret access key (40 characters); give the AK (the access key id), never the SK");
        }

        if (value.Length is < 16 or > 32 || !value.All(static c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
        {
            throw new InputValidationException("access_key_id", $"'{(value.Length <= 32 ? value : value[..32] + "...")}' is not a Huawei Cloud AK: expected 16 to 32 upper-case letters or digits");
        }

        return new ParsedInput
        {
            Kind = InputKind.AccessKeyId,
            Description = "Huawei Cloud IAM access key (AK)",
            Credentials = [new CredentialHint { AccessKeyId = value }],
        };
    }
}
