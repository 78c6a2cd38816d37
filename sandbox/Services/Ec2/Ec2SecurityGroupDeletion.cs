using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Ec2;

/// <summary>
/// DeleteSecurityGroup by GroupId (or GroupName in the default VPC), refused with DependencyViolation while an
/// instance that is not terminated still uses the group, InvalidGroup.NotFound when it does not exist.
/// </summary>
internal static class Ec2SecurityGroupDeletion
{
    public const string Operation = "DeleteSecurityGroup";

    public static ServiceResult Delete(SandboxCall call)
    {
        var id = call.Form.Get("GroupId");
        var name = call.Form.Get("GroupName");
        if (id is null && name is null)
        {
            throw new AwsServiceException("MissingParameter", "The request must contain the parameter groupName or groupId", 400);
        }

        call.Authorize("ec2:DeleteSecurityGroup", call.Arn("ec2", $"security-group/{id ?? name}"));
        lock (call.State.Gate)
        {
            var group = Find(call, id, name);
            var user = call.Account.Instances.Values.FirstOrDefault(i => i.Region == call.Region && i.State != "terminated" && i.SecurityGroupIds.Contains(group.Id));
            if (user is not null)
            {
                throw new AwsServiceException("DependencyViolation", $"resource {group.Id} has a dependent object", 400);
            }

            call.Account.SecurityGroups.Remove(group.Id);
            call.Resources.Add(("AWS::EC2::SecurityGroup", group.Id));
            call.ResponseElements = new JsonObject { ["requestId"] = call.RequestId, ["_return"] = true, ["groupId"] = group.Id };
            return ServiceResult.Of(E("return", true), E("groupId", group.Id));
        }
    }

    private static Ec2SecurityGroup Find(SandboxCall call, string? id, string? name)
    {
        if (id is not null)
        {
            return call.Account.SecurityGroups.TryGetValue(id, out var byId) && byId.Region == call.Region
                ? byId
                : throw new AwsServiceException("InvalidGroup.NotFound", $"The security group '{id}' does not exist", 400);
        }

        var vpc = Ec2Isolation.DefaultVpc(call.Account.Id, call.Region);
        return call.Account.SecurityGroups.Values.FirstOrDefault(g => g.Region == call.Region && g.VpcId == vpc && g.Name == name)
            ?? throw new AwsServiceException("InvalidGroup.NotFound", $"The security group '{name}' does not exist in default VPC '{vpc}'", 400);
    }
}
