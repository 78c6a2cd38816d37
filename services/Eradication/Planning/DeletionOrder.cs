namespace CredIr.Eradication.Planning;

/// <summary>
/// Which resource types must be gone before others in the same account can be deleted, as data:
/// (before, after). E.g. an instance profile is deleted before the roles, instances before their
/// security groups and volumes, an image before its snapshots, everything in a VPC before the VPC.
/// </summary>
internal static class DeletionOrder
{
    public static IReadOnlyList<(string Before, string After)> Pairs { get; } =
    [
        ("AWS::AutoScaling::AutoScalingGroup", "AWS::EC2::Instance"),
        ("AWS::EC2::SpotFleet", "AWS::EC2::Instance"),
        ("AWS::EC2::Instance", "AWS::IAM::InstanceProfile"),
        ("AWS::EC2::Instance", "AWS::EC2::SecurityGroup"),
        ("AWS::EC2::Instance", "AWS::EC2::Volume"),
        ("AWS::EC2::Instance", "AWS::EC2::NetworkInterface"),
        ("AWS::EC2::Instance", "AWS::EC2::Subnet"),
        ("AWS::EC2::Instance", "AWS::EC2::EIP"),
        ("AWS::EC2::Instance", "AWS::EC2::KeyPair"),
        ("AWS::EC2::Image", "AWS::EC2::Snapshot"),
        ("AWS::EC2::NatGateway", "AWS::EC2::EIP"),
        ("AWS::EC2::NatGateway", "AWS::EC2::Subnet"),
        ("AWS::EC2::NetworkInterface", "AWS::EC2::Subnet"),
        ("AWS::EC2::NetworkInterface", "AWS::EC2::SecurityGroup"),
        ("AWS::EC2::Subnet", "AWS::EC2::VPC"),
        ("AWS::EC2::InternetGateway", "AWS::EC2::VPC"),
        ("AWS::EC2::RouteTable", "AWS::EC2::VPC"),
        ("AWS::EC2::SecurityGroup", "AWS::EC2::VPC"),
        ("AWS::IAM::InstanceProfile", "AWS::IAM::Role"),
        ("AWS::Lambda::Function", "AWS::IAM::Role"),
        ("AWS::RolesAnywhere::Profile", "AWS::IAM::Role"),
        ("AWS::RolesAnywhere::Profile", "AWS::RolesAnywhere::TrustAnchor"),
        ("AWS::IAM::User", "AWS::IAM::ManagedPolicy"),
        ("AWS::IAM::Role", "AWS::IAM::ManagedPolicy"),
        ("AWS::IAM::Group", "AWS::IAM::ManagedPolicy"),
        ("AWS::RDS::DBInstance", "AWS::RDS::DBSubnetGroup"),
    ];

    /// <summary>The delete action of types without parts to remove first; anything else becomes a manual step.</summary>
    public static IReadOnlyDictionary<string, string> SimpleDeletes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS::EC2::Instance"] = "ec2:TerminateInstances",
        ["AWS::Lambda::Function"] = "lambda:DeleteFunction",
        ["AWS::Lambda::LayerVersion"] = "lambda:DeleteLayerVersion",
        ["AWS::EC2::SecurityGroup"] = "ec2:DeleteSecurityGroup",
        ["AWS::EC2::Snapshot"] = "ec2:DeleteSnapshot",
        ["AWS::EC2::Image"] = "ec2:DeregisterImage",
        ["AWS::EC2::Volume"] = "ec2:DeleteVolume",
        ["AWS::EC2::KeyPair"] = "ec2:DeleteKeyPair",
        ["AWS::EC2::VPC"] = "ec2:DeleteVpc",
        ["AWS::EC2::Subnet"] = "ec2:DeleteSubnet",
        ["AWS::EC2::InternetGateway"] = "ec2:DeleteInternetGateway",
        ["AWS::EC2::NatGateway"] = "ec2:DeleteNatGateway",
        ["AWS::EC2::EIP"] = "ec2:ReleaseAddress",
        ["AWS::EC2::RouteTable"] = "ec2:DeleteRouteTable",
        ["AWS::EC2::NetworkInterface"] = "ec2:DeleteNetworkInterface",
        ["AWS::EC2::FlowLog"] = "ec2:DeleteFlowLogs",
        ["AWS::EC2::LaunchTemplate"] = "ec2:DeleteLaunchTemplate",
        ["AWS::EC2::SpotFleet"] = "ec2:CancelSpotFleetRequests(TerminateInstances)",
        ["AWS::AutoScaling::AutoScalingGroup"] = "autoscaling:DeleteAutoScalingGroup(ForceDelete)",
        ["AWS::EKS::Cluster"] = "eks:DeleteCluster",
        ["AWS::ECS::Cluster"] = "ecs:DeleteCluster",
        ["AWS::RDS::DBInstance"] = "rds:DeleteDBInstance(FinalSnapshot)",
        ["AWS::RDS::DBSnapshot"] = "rds:DeleteDBSnapshot",
        ["AWS::RDS::DBSubnetGroup"] = "rds:DeleteDBSubnetGroup",
        ["AWS::SecretsManager::Secret"] = "secretsmanager:DeleteSecret",
        ["AWS::SSM::Parameter"] = "ssm:DeleteParameter",
        ["AWS::CloudTrail::Trail"] = "cloudtrail:DeleteTrail",
        ["AWS::Logs::LogGroup"] = "logs:DeleteLogGroup",
        ["AWS::RolesAnywhere::TrustAnchor"] = "rolesanywhere:DeleteTrustAnchor",
        ["AWS::RolesAnywhere::Profile"] = "rolesanywhere:DeleteProfile",
        ["AWS::IAM::OIDCProvider"] = "iam:DeleteOpenIDConnectProvider",
        ["AWS::IAM::SAMLProvider"] = "iam:DeleteSAMLProvider",
        ["AWS::IAM::Group"] = "iam:DeleteGroup",
    };
}
