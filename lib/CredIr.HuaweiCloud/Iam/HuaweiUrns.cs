namespace CredIr.HuaweiCloud.Iam;

/// <summary>Huawei Cloud IAM's resource names (URNs), where AWS has ARNs: <c>iam::{domain_id}:user:{name}</c>.</summary>
public static class HuaweiUrns
{
    public static string User(string domainId, string userName) => $"iam::{domainId}:user:{userName}";

    public static string AccessKey(string domainId, string accessKeyId) => $"iam::{domainId}:credential:{accessKeyId}";

    public static string Agency(string domainId, string agencyName) => $"iam::{domainId}:agency:{agencyName}";

    public static string Policy(string domainId, string policyId) => $"iam::{domainId}:role:{policyId}";
}
