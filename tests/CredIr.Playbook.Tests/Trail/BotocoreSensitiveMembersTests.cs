using System.IO.Compression;
using System.Text.Json;
using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Tests.Trail;

/// <summary>
/// Every request or response member botocore marks <c>sensitive</c> (the AWS models' own word for
/// "do not log this"), in the services the sandbox serves and the playbook reads, is either
/// scrubbed wherever it appears in a record or named below with the reason it is kept.
/// </summary>
public sealed class BotocoreSensitiveMembersTests
{
    private const string Models = "/usr/lib/python3/dist-packages/botocore/data";

    private static readonly string[] Services =
        ["iam", "sts", "ec2", "s3", "lambda", "cloudtrail", "organizations", "guardduty", "athena", "secretsmanager", "kms"];

    // Sensitive in the models because they may be personal data or are key identifiers, not
    // credentials; the report and the closure need them (who, which account, which key).
    private static readonly Dictionary<string, string> Kept = new(StringComparer.Ordinal)
    {
        ["organizations:AccountName"] = "an account's name identifies it in the report",
        ["organizations:Email"] = "the account's root e-mail: personal data, not a credential",
        ["organizations:MasterAccountEmail"] = "the management account's e-mail: personal data, not a credential",
        ["organizations:Name"] = "an account or policy name identifies it in the report",
        ["organizations:Id"] = "an account id is what every step of the playbook keys on",
        ["organizations:Notes"] = "a handshake's free text, not a credential",
        ["organizations:Value"] = "a tag value: affected applications are found from tags",
        ["s3:KMSKeyId"] = "a KMS key id or ARN names the key; it is not key material",
        ["s3:KMSMasterKeyID"] = "a KMS key id or ARN names the key; it is not key material",
        ["s3:KeyId"] = "a KMS key id or ARN names the key; it is not key material",
        ["s3:SSEKMSKeyId"] = "a KMS key id or ARN names the key; it is not key material",
        ["s3:SSEKMSEncryptionContext"] = "an encryption context is authenticated data, not a secret",
        ["ec2:LaunchTemplateData"] = "the template is evidence (image, instance profile); its secret part, userData, is scrubbed by name inside it",
        ["lambda:Message"] = "a status or error message, not a credential",
        ["kms:AccessKeyId"] = "an access key id is the identifier every step of the playbook keys on",
        ["kms:Message"] = "the message signed or verified, not a credential",
        ["kms:PublicKey"] = "a public key is public",
    };

    [Fact]
    public void EverySensitiveMember_InTheCoveredServices_IsScrubbedOrKeptForAReason()
    {
        var members = Services.SelectMany(SensitiveMembers).Distinct().ToList();
        Assert.True(members.Count > 20, $"the botocore models under {Models} list {members.Count} sensitive members: are they installed (python3-botocore)?");

        var leaked = members
            .Where(m => !Kept.ContainsKey(m.Service + ":" + m.Member))
            .Where(m => !IsScrubbed(m.Member))
            .Select(m => $"{m.Service}:{m.Member}")
            .ToList();

        Assert.True(leaked.Count == 0, "sensitive members left in records: " + string.Join(", ", leaked));
    }

    [Fact]
    public void KeptMembers_AreStillSensitiveInTheModels()
    {
        var members = Services.SelectMany(SensitiveMembers).Select(m => m.Service + ":" + m.Member).ToHashSet(StringComparer.Ordinal);

        Assert.All(Kept.Keys, k => Assert.Contains(k, members));
    }

    // As CloudTrail writes it (lower camel case), in a request and nested in a response.
    private static bool IsScrubbed(string member)
    {
        var name = char.ToLowerInvariant(member[0]) + member[1..];
        var json = $$$"""{"requestParameters":{"{{{name}}}":"canary-1"},"responseElements":{"result":[{"{{{member}}}":{"inner":"canary-2"}}]}}""";
        using var record = JsonDocument.Parse(json);

        return !SecretScrubber.Scrub(record.RootElement).Contains("canary", StringComparison.Ordinal);
    }

    private static IEnumerable<(string Service, string Member)> SensitiveMembers(string service)
    {
        var folder = Directory.GetDirectories(Path.Combine(Models, service)).Order(StringComparer.Ordinal).Last();
        using var document = JsonDocument.Parse(ReadModel(folder));
        var shapes = document.RootElement.GetProperty("shapes");
        var sensitive = shapes.EnumerateObject()
            .Where(static s => s.Value.TryGetProperty("sensitive", out var flag) && flag.GetBoolean())
            .Select(static s => s.Name)
            .ToHashSet(StringComparer.Ordinal);
        var found = new List<(string, string)>();
        foreach (var shape in shapes.EnumerateObject())
        {
            if (!shape.Value.TryGetProperty("members", out var shapeMembers))
            {
                continue;
            }

            foreach (var member in shapeMembers.EnumerateObject())
            {
                var marked = member.Value.TryGetProperty("sensitive", out var flag) && flag.GetBoolean();
                if (marked || sensitive.Contains(member.Value.GetProperty("shape").GetString()!))
                {
                    found.Add((service, member.Name));
                }
            }
        }

        return found;
    }

    private static byte[] ReadModel(string folder)
    {
        var plain = Path.Combine(folder, "service-2.json");
        if (File.Exists(plain))
        {
            return File.ReadAllBytes(plain);
        }

        using var gzip = new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
