using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CredIr.Sandbox.Model;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Iam;

/// <summary>IAM entities as the query protocol's XML and as CloudTrail responseElements.</summary>
internal static class IamXml
{
    public static XElement User(IamUser u, string element = "User") => E(element,
        E("Path", u.Path), E("UserName", u.Name), E("UserId", u.Id), E("Arn", u.Arn), E("CreateDate", u.Created),
        u.PasswordLastUsed is { } used ? E("PasswordLastUsed", used) : null, element == "User" ? IamService.TagsXml(u) : null);

    public static XElement Role(IamRole r, string element = "Role") => E(element,
        E("Path", r.Path), E("RoleName", r.Name), E("RoleId", r.Id), E("Arn", r.Arn), E("CreateDate", r.Created),
        E("AssumeRolePolicyDocument", Uri.EscapeDataString(r.TrustPolicy)),
        r.Description is null ? null : E("Description", r.Description),
        E("MaxSessionDuration", r.MaxSessionDuration),
        r.LastUsed is { } lu ? E("RoleLastUsed", E("LastUsedDate", lu), E("Region", r.LastUsedRegion)) : null, element == "Role" ? IamService.TagsXml(r) : null);

    public static XElement Group(IamGroup g, string element = "Group") => E(element,
        E("Path", g.Path), E("GroupName", g.Name), E("GroupId", g.Id), E("Arn", g.Arn), E("CreateDate", g.Created));

    public static XElement Policy(ManagedPolicy p, string element = "Policy") => E(element,
        E("PolicyName", p.Name), E("PolicyId", p.Id), E("Arn", p.Arn), E("Path", p.Path),
        E("DefaultVersionId", p.Default.VersionId), E("AttachmentCount", p.AttachmentCount),
        E("PermissionsBoundaryUsageCount", 0), E("IsAttachable", true),
        p.Description is null ? null : E("Description", p.Description),
        E("CreateDate", p.Created), E("UpdateDate", p.Updated));

    public static XElement Version(PolicyVersion v, bool withDocument, string element = "PolicyVersion") => E(element,
        withDocument ? E("Document", Uri.EscapeDataString(v.Document)) : null,
        E("VersionId", v.VersionId), E("IsDefaultVersion", v.IsDefault), E("CreateDate", v.Created));

    public static XElement Profile(InstanceProfile p, Account account, string element = "InstanceProfile") => E(element,
        E("Path", p.Path), E("InstanceProfileName", p.Name), E("InstanceProfileId", p.Id), E("Arn", p.Arn), E("CreateDate", p.Created),
        Members("Roles", p.RoleNames.Where(account.Roles.ContainsKey).Select(n => (object)Role(account.Roles[n], "member"))));

    public static XElement KeyMeta(AccessKey k) => E("member",
        E("UserName", k.UserName), E("AccessKeyId", k.Id), E("Status", k.Status), E("CreateDate", k.Created));

    public static XElement Attached(string arn) => E("member", E("PolicyName", arn[(arn.LastIndexOf('/') + 1)..]), E("PolicyArn", arn));

    /// <summary>IAM's responseElements write dates the Java way ("Nov 22, 2026 11:45:39 PM").</summary>
    public static string TrailDate(DateTimeOffset t) => t.UtcDateTime.ToString("MMM d, yyyy h:mm:ss tt", CultureInfo.InvariantCulture);

    public static JsonObject TrailUser(IamUser u) => new()
    {
        ["path"] = u.Path, ["userName"] = u.Name, ["userId"] = u.Id, ["arn"] = u.Arn, ["createDate"] = TrailDate(u.Created),
    };

    public static JsonObject TrailRole(IamRole r) => new()
    {
        ["path"] = r.Path, ["roleName"] = r.Name, ["roleId"] = r.Id, ["arn"] = r.Arn, ["createDate"] = TrailDate(r.Created),
        ["assumeRolePolicyDocument"] = Uri.EscapeDataString(r.TrustPolicy),
    };
}
