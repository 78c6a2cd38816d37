using CredIr.Contracts.V1;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Inputs;

/// <summary>Turns an <see cref="IdentificationInput"/> into a <see cref="ParsedInput"/>, or says which field is wrong and how.</summary>
public sealed class InputParser(IOptions<IdentificationOptions> options)
{
    public ParsedInput Parse(IdentificationInput? input) => input?.InputCase switch
    {
        IdentificationInput.InputOneofCase.AccessKeyId => ParseKeyId(input.AccessKeyId.Trim()),
        IdentificationInput.InputOneofCase.PrincipalArn => ParseArn(input.PrincipalArn.Trim()),
        IdentificationInput.InputOneofCase.FindingJson => FindingJsonParser.Parse(input.FindingJson, options.Value.MaxInputBytes),
        _ => throw new InputValidationException("input", "is empty; set one of access_key_id, principal_arn or finding_json"),
    };

    private static ParsedInput ParseKeyId(string value)
    {
        if (AccessKeyIds.IsAccessKeyId(value))
        {
            return new ParsedInput
            {
                Kind = InputKind.AccessKeyId,
                Description = value.StartsWith("AKIA", StringComparison.Ordinal) ? "IAM user access key id" : "temporary (STS) access key id",
                Credentials = [new CredentialHint { AccessKeyId = value }],
            };
        }

        if (AccessKeyIds.IsPrincipalId(value))
        {
            return new ParsedInput
            {
                Kind = InputKind.AccessKeyId,
                Description = value.StartsWith("AIDA", StringComparison.Ordinal) ? "IAM user unique id" : "IAM role unique id",
                Credentials = [new CredentialHint
                {
                    PrincipalId = value,
                    PrincipalType = value.StartsWith("AIDA", StringComparison.Ordinal) ? "IAMUser" : "Role",
                }],
            };
        }

        var problem = value.Length == 0
            ? "is empty; give an access key id such as AKIAIOSFODNN7EXAMPLE"
            : $"'{Shorten(value)}' is not an access key id: expected AKIA or ASIA followed by 16 upper-case letters or digits (20 characters), or an AIDA/AROA unique id";
        if (value.Length == 40)
        {
            // A 40-character value is almost always a secret access key pasted by mistake: never echo it.
            problem = "looks like a secret access key (40 characters); give the access key id (AKIA.../ASIA...), never the secret";
        }

        throw new InputValidationException("access_key_id", problem);
    }

    private static ParsedInput ParseArn(string value)
    {
        var arn = PrincipalArn.Parse(value, "principal_arn");
        return new ParsedInput
        {
            Kind = InputKind.PrincipalArn,
            Description = $"{arn.Kind} ARN",
            AccountId = arn.AccountId,
            Credentials = [new CredentialHint
            {
                Principal = arn,
                AccountId = arn.AccountId,
                UserName = arn.Kind == PrincipalKind.IamUser ? arn.Name : null,
            }],
        };
    }

    private static string Shorten(string value) => value.Length <= 32 ? value : value[..32] + "...";
}
