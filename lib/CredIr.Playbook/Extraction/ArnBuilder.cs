namespace CredIr.Playbook.Extraction;

/// <summary>ARNs for resources a record names only by id (the default path "/" for IAM).</summary>
public static class ArnBuilder
{
    public static string? For(string type, string id, string? account, string? region, string partition = "aws") => type switch
    {
        "AWS::IAM::User" when account is not null => $"arn:{partition}:iam::{account}:user/{id}",
        "AWS::IAM::Role" when account is not null => $"arn:{partition}:iam::{account}:role/{id}",
        "AWS::IAM::Group" when account is not null => $"arn:{partition}:iam::{account}:group/{id}",
        "AWS::IAM::InstanceProfile" when account is not null => $"arn:{partition}:iam::{account}:instance-profile/{id}",
        "AWS::S3::Bucket" => $"arn:{partition}:s3:::{id}",
        "AWS::EC2::Instance" when account is not null && region is not null => $"arn:{partition}:ec2:{region}:{account}:instance/{id}",
        "AWS::Lambda::Function" when account is not null && region is not null => $"arn:{partition}:lambda:{region}:{account}:function:{id}",
        "AWS::CloudTrail::Trail" when account is not null && region is not null => $"arn:{partition}:cloudtrail:{region}:{account}:trail/{id}",
        _ => null,
    };
}
