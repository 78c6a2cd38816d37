using System.Xml.Linq;

namespace CredIr.Aws;

/// <summary>Maps EC2's XML shapes (botocore ec2 2016-11-15: lists of &lt;item&gt;, camelCase names).</summary>
internal static class Ec2Xml
{
    public static Ec2Instance Instance(XElement e, string? reservationId, string? ownerId) => new(
        e.Required("instanceId"),
        e.Str("imageId"),
        e.Str("instanceType"),
        e.Child("instanceState")?.Str("name") ?? "unknown",
        e.Time("launchTime"),
        e.Child("iamInstanceProfile")?.Str("arn"),
        e.Str("keyName"),
        reservationId,
        ownerId,
        e.Str("subnetId"),
        e.Str("vpcId"),
        e.Str("privateIpAddress"),
        e.Str("ipAddress"),
        e.Items("tagSet").Select(static t => new Ec2Tag(t.Str("key") ?? string.Empty, t.Str("value") ?? string.Empty)).ToList())
    {
        SecurityGroupIds = e.Items("groupSet").Select(static g => g.Required("groupId")).ToList(),
        VolumeIds = e.Items("blockDeviceMapping").Select(static b => b.Child("ebs")?.Str("volumeId")).OfType<string>().ToList(),
    };

    public static IEnumerable<Ec2Instance> Reservation(XElement reservation)
    {
        var reservationId = reservation.Str("reservationId");
        var ownerId = reservation.Str("ownerId");
        return reservation.Items("instancesSet").Select(i => Instance(i, reservationId, ownerId));
    }

    public static Ec2InstanceStateChange StateChange(XElement e) => new(
        e.Required("instanceId"), e.Child("previousState")?.Str("name"), e.Child("currentState")?.Str("name"));

    public static Ec2IamInstanceProfileAssociation Association(XElement e) => new(
        e.Required("associationId"), e.Required("instanceId"), e.Child("iamInstanceProfile")?.Str("arn"), e.Str("state"));

    public static void AddFilters(QueryRequest query, IReadOnlyList<Ec2Filter>? filters)
    {
        var index = 1;
        foreach (var filter in filters ?? [])
        {
            var prefix = "Filter." + Json.Invariant(index);
            query.Add(prefix + ".Name", filter.Name).AddList(prefix + ".Value", filter.Values);
            index++;
        }
    }
}
