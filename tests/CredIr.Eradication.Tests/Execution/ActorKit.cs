using System.Text;
using CredIr.Aws;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>
/// More persistence, made with the leaked key after the scenario's own steps, as real signed calls the sandbox records:
/// a role with an instance profile, an attached AWS policy, an inline policy and a policy of the actor's own (with a
/// second, non-default version); and a staging bucket holding an object.
/// </summary>
internal static class ActorKit
{
    public const string Role = "backup-ec2";
    public const string Profile = "backup-ec2-profile";
    public const string Policy = "backup-extra";
    public const string Bucket = "acme-staging-exfil";
    public const string Object = "dump/customers.csv";

    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string ReadAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
    private const string WriteAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";

    /// <summary>Makes the kit as the leaked key; returns the ARN of the actor's managed policy.</summary>
    public static async Task<string> PlantAsync(EradicationSandbox org)
    {
        var actor = org.As(org.Sandbox.Principals.SelectMany(static p => p.AccessKeys).First(k => k.AccessKeyId == org.LeakedKey));
        var iam = actor.Iam;
        await iam.CreateRoleAsync(new CreateRoleRequest(Role, Trust));
        await iam.AttachRolePolicyAsync(new AttachRolePolicyRequest(Role, "arn:aws:iam::aws:policy/AdministratorAccess"));
        await iam.PutRolePolicyAsync(new PutRolePolicyRequest(Role, "s3-read", ReadAll));
        await iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest(Profile));
        await iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest(Profile, Role));
        var policy = (await iam.CreatePolicyAsync(new CreatePolicyRequest(Policy, ReadAll))).Policy.Arn;
        await iam.CreatePolicyVersionAsync(new CreatePolicyVersionRequest(policy, WriteAll, SetAsDefault: false));
        await iam.AttachRolePolicyAsync(new AttachRolePolicyRequest(Role, policy));
        await actor.S3.CreateBucketAsync(new CreateBucketRequest(Bucket));
        await actor.S3.PutObjectAsync(new PutObjectRequest(Bucket, Object, Encoding.UTF8.GetBytes("id,name\n1,Ada\n"), "text/csv"));
        return policy;
    }
}
