using System.Xml.Linq;

namespace CredIr.Aws;

/// <summary>Maps IAM's XML shapes (botocore iam 2010-05-08) to the library's records.</summary>
internal static class IamXml
{
    public static IamUser User(XElement e) => new(
        e.Required("UserName"), e.Required("UserId"), e.Required("Arn"), e.Str("Path") ?? "/",
        e.Time("CreateDate") ?? DateTimeOffset.MinValue, e.Time("PasswordLastUsed"))
    {
        PermissionsBoundaryArn = e.Child("PermissionsBoundary")?.Str("PermissionsBoundaryArn"),
        Tags = e.Items("Tags").Select(Tag).ToList(),
    };

    public static IamTag Tag(XElement e) => new(e.Required("Key"), e.Str("Value") ?? "");

    public static IamAccessKeyMetadata AccessKeyMetadata(XElement e) => new(
        e.Str("UserName"), e.Required("AccessKeyId"), Status(e.Str("Status")), e.Time("CreateDate"));

    public static IamAccessKey AccessKey(XElement e) => new(
        e.Required("UserName"), e.Required("AccessKeyId"), Status(e.Str("Status")), e.Required("SecretAccessKey"), e.Time("CreateDate"));

    public static IamLoginProfile LoginProfile(XElement e) => new(
        e.Required("UserName"), e.Time("CreateDate"), e.Bool("PasswordResetRequired"));

    public static IamMfaDevice MfaDevice(XElement e) => new(e.Required("UserName"), e.Required("SerialNumber"), e.Time("EnableDate"));

    public static IamGroup Group(XElement e) => new(
        e.Required("GroupName"), e.Required("GroupId"), e.Required("Arn"), e.Str("Path") ?? "/", e.Time("CreateDate"));

    public static IamRole Role(XElement e)
    {
        var lastUsed = e.Child("RoleLastUsed");
        return new IamRole(
            e.Required("RoleName"), e.Required("RoleId"), e.Required("Arn"), e.Str("Path") ?? "/", e.Time("CreateDate"),
            e.PolicyDocument("AssumeRolePolicyDocument"), e.Str("Description"), e.Int("MaxSessionDuration"),
            lastUsed?.Time("LastUsedDate"), lastUsed?.Str("Region"))
        {
            PermissionsBoundaryArn = e.Child("PermissionsBoundary")?.Str("PermissionsBoundaryArn"),
            Tags = e.Items("Tags").Select(Tag).ToList(),
        };
    }

    public static IamSigningCertificate SigningCertificate(XElement e) => new(e.Required("UserName"), e.Required("CertificateId"), e.Str("Status") ?? "", e.Time("UploadDate"));

    public static IamSshPublicKey SshPublicKey(XElement e) => new(e.Required("UserName"), e.Required("SSHPublicKeyId"), e.Str("Status") ?? "", e.Time("UploadDate"));

    public static IamServiceSpecificCredential ServiceSpecificCredential(XElement e) => new(
        e.Required("UserName"), e.Required("ServiceSpecificCredentialId"), e.Required("ServiceName"), e.Str("ServiceUserName"), e.Str("Status") ?? "", e.Time("CreateDate"));

    public static IamAttachedPolicy AttachedPolicy(XElement e) => new(e.Required("PolicyName"), e.Required("PolicyArn"));

    public static IamManagedPolicy ManagedPolicy(XElement e) => new(
        e.Required("PolicyName"), e.Required("PolicyId"), e.Required("Arn"), e.Str("Path") ?? "/", e.Str("DefaultVersionId"),
        e.Int("AttachmentCount") ?? 0, e.Bool("IsAttachable"), e.Time("CreateDate"), e.Time("UpdateDate"));

    public static IamPolicyVersion PolicyVersion(XElement e) => new(
        e.Required("VersionId"), e.Bool("IsDefaultVersion"), e.Time("CreateDate"), e.PolicyDocument("Document"));

    public static IamInstanceProfile InstanceProfile(XElement e) => new(
        e.Required("InstanceProfileName"), e.Required("InstanceProfileId"), e.Required("Arn"), e.Str("Path") ?? "/",
        e.Time("CreateDate"), e.Items("Roles").Select(Role).ToList());

    public static IamPolicyEntity Entity(IamEntityKind kind, XElement e) => kind switch
    {
        IamEntityKind.User => new(kind, e.Required("UserName"), e.Required("UserId")),
        IamEntityKind.Group => new(kind, e.Required("GroupName"), e.Required("GroupId")),
        _ => new(kind, e.Required("RoleName"), e.Required("RoleId")),
    };

    private static AccessKeyStatus Status(string? text) =>
        string.Equals(text, "Active", StringComparison.Ordinal) ? AccessKeyStatus.Active : AccessKeyStatus.Inactive;
}
