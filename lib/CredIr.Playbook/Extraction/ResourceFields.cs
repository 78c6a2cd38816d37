namespace CredIr.Playbook.Extraction;

/// <summary>Where each kind of resource appears in records, as data (see <see cref="ResourceFieldRule"/>).</summary>
public static class ResourceFields
{
    private const string Any = "*";
    private const string Iam = "iam.amazonaws.com";
    private const string Ec2 = "ec2.amazonaws.com";
    private const string S3 = "s3.amazonaws.com";
    private const string Lambda = "lambda.amazonaws.com";
    private const string Rds = "rds.amazonaws.com";

    public static IReadOnlyList<ResourceFieldRule> All { get; } =
    [
        // IAM
        new(Iam, Any, "requestParameters.userName", "AWS::IAM::User"),
        new(Iam, "*LoginProfile", "requestParameters.userName", "AWS::IAM::LoginProfile"),
        new(Iam, Any, "requestParameters.roleName", "AWS::IAM::Role"),
        new(Iam, Any, "requestParameters.groupName", "AWS::IAM::Group"),
        new(Iam, Any, "requestParameters.instanceProfileName", "AWS::IAM::InstanceProfile"),
        new(Iam, Any, "requestParameters.policyArn", "AWS::IAM::ManagedPolicy"),
        new(Iam, "CreatePolicy", "responseElements.policy.arn", "AWS::IAM::ManagedPolicy"),
        // DeletePolicy is about the policy itself; in Attach*Policy the policy is only named.
        new(Iam, "DeletePolicy", "requestParameters.policyArn", "AWS::IAM::ManagedPolicy", "Policy"),
        new(Iam, "*UserPolicy", "requestParameters.policyName", "AWS::IAM::UserPolicy"),
        new(Iam, "*RolePolicy", "requestParameters.policyName", "AWS::IAM::RolePolicy"),
        new(Iam, "*GroupPolicy", "requestParameters.policyName", "AWS::IAM::GroupPolicy"),
        new(Iam, "CreateAccessKey", "responseElements.accessKey.accessKeyId", "AWS::IAM::AccessKey"),
        new(Iam, "*AccessKey", "requestParameters.accessKeyId", "AWS::IAM::AccessKey"),
        new(Iam, Any, "requestParameters.serialNumber", "AWS::IAM::MFADevice"),
        new(Iam, "CreateVirtualMFADevice", "responseElements.virtualMFADevice.serialNumber", "AWS::IAM::MFADevice"),
        new(Iam, "*OpenIDConnectProvider*", "responseElements.openIDConnectProviderArn", "AWS::IAM::OIDCProvider", "OpenIDConnectProvider"),
        new(Iam, "*OpenIDConnectProvider*", "requestParameters.openIDConnectProviderArn", "AWS::IAM::OIDCProvider", "OpenIDConnectProvider"),
        new(Iam, "*SAMLProvider", "responseElements.sAMLProviderArn", "AWS::IAM::SAMLProvider"),
        new(Iam, "*SAMLProvider", "requestParameters.sAMLProviderArn", "AWS::IAM::SAMLProvider"),
        new("sts.amazonaws.com", "AssumeRole*", "requestParameters.roleArn", "AWS::IAM::Role"),
        new("rolesanywhere.amazonaws.com", "CreateTrustAnchor", "responseElements.trustAnchor.trustAnchorArn", "AWS::RolesAnywhere::TrustAnchor"),
        new("rolesanywhere.amazonaws.com", "CreateProfile", "responseElements.profile.profileArn", "AWS::RolesAnywhere::Profile"),
        new("rolesanywhere.amazonaws.com", "*TrustAnchor", "requestParameters.trustAnchorId", "AWS::RolesAnywhere::TrustAnchor"),
        new("rolesanywhere.amazonaws.com", "*Profile", "requestParameters.profileId", "AWS::RolesAnywhere::Profile"),

        // EC2
        new(Ec2, Any, "responseElements.instancesSet.items[].instanceId", "AWS::EC2::Instance"),
        new(Ec2, Any, "requestParameters.instancesSet.items[].instanceId", "AWS::EC2::Instance"),
        new(Ec2, Any, "requestParameters.instanceId", "AWS::EC2::Instance"),
        new(Ec2, Any, "requestParameters.groupId", "AWS::EC2::SecurityGroup"),
        new(Ec2, "CreateSecurityGroup", "responseElements.groupId", "AWS::EC2::SecurityGroup"),
        new(Ec2, Any, "requestParameters.snapshotId", "AWS::EC2::Snapshot"),
        new(Ec2, "CreateSnapshot*", "responseElements.snapshotId", "AWS::EC2::Snapshot"),
        new(Ec2, Any, "requestParameters.imageId", "AWS::EC2::Image"),
        new(Ec2, "*Image", "responseElements.imageId", "AWS::EC2::Image"),
        new(Ec2, Any, "requestParameters.volumeId", "AWS::EC2::Volume"),
        new(Ec2, "CreateVolume", "responseElements.volumeId", "AWS::EC2::Volume"),
        new(Ec2, "CreateVpc", "responseElements.vpc.vpcId", "AWS::EC2::VPC"),
        new(Ec2, "DeleteVpc", "requestParameters.vpcId", "AWS::EC2::VPC"),
        new(Ec2, "CreateSubnet", "responseElements.subnet.subnetId", "AWS::EC2::Subnet"),
        new(Ec2, "DeleteSubnet", "requestParameters.subnetId", "AWS::EC2::Subnet"),
        new(Ec2, "CreateInternetGateway", "responseElements.internetGateway.internetGatewayId", "AWS::EC2::InternetGateway"),
        new(Ec2, "*InternetGateway", "requestParameters.internetGatewayId", "AWS::EC2::InternetGateway"),
        new(Ec2, "CreateNatGateway", "responseElements.CreateNatGatewayResponse.natGateway.natGatewayId", "AWS::EC2::NatGateway"),
        new(Ec2, "DeleteNatGateway", "requestParameters.DeleteNatGatewayRequest.NatGatewayId", "AWS::EC2::NatGateway"),
        new(Ec2, "AllocateAddress", "responseElements.allocationId", "AWS::EC2::EIP", "Address"),
        new(Ec2, "ReleaseAddress", "requestParameters.allocationId", "AWS::EC2::EIP", "Address"),
        new(Ec2, "CreateRouteTable", "responseElements.routeTable.routeTableId", "AWS::EC2::RouteTable"),
        new(Ec2, "*RouteTable", "requestParameters.routeTableId", "AWS::EC2::RouteTable"),
        new(Ec2, "CreateNetworkInterface", "responseElements.networkInterface.networkInterfaceId", "AWS::EC2::NetworkInterface"),
        new(Ec2, "*NetworkInterface", "requestParameters.networkInterfaceId", "AWS::EC2::NetworkInterface"),
        new(Ec2, "CreateFlowLogs", "responseElements.CreateFlowLogsResponse.flowLogIdSet.item", "AWS::EC2::FlowLog"),
        new(Ec2, "DeleteFlowLogs", "requestParameters.DeleteFlowLogsRequest.FlowLogId", "AWS::EC2::FlowLog"),
        // CreateKeyPair and ImportKeyPair make a pair, DeleteKeyPair removes it; RunInstances only names one.
        new(Ec2, "*KeyPair", "requestParameters.keyName", "AWS::EC2::KeyPair"),
        new(Ec2, "CreateLaunchTemplate*", "responseElements.CreateLaunchTemplateResponse.launchTemplate.launchTemplateId", "AWS::EC2::LaunchTemplate"),
        new(Ec2, "RequestSpotFleet", "responseElements.spotFleetRequestId", "AWS::EC2::SpotFleet"),

        // S3
        new(S3, Any, "requestParameters.bucketName", "AWS::S3::Bucket"),
        new(S3, "*Object*", "requestParameters.key", "AWS::S3::Object"),

        // Lambda
        new(Lambda, Any, "requestParameters.functionName", "AWS::Lambda::Function"),
        new(Lambda, "PublishLayerVersion*", "responseElements.layerVersionArn", "AWS::Lambda::LayerVersion"),

        // Logging and detection
        new("cloudtrail.amazonaws.com", Any, "requestParameters.name", "AWS::CloudTrail::Trail"),
        new("cloudtrail.amazonaws.com", Any, "requestParameters.trailName", "AWS::CloudTrail::Trail"),
        new("guardduty.amazonaws.com", Any, "requestParameters.detectorId", "AWS::GuardDuty::Detector"),
        new("logs.amazonaws.com", Any, "requestParameters.logGroupName", "AWS::Logs::LogGroup"),
        new("route53resolver.amazonaws.com", Any, "requestParameters.resolverQueryLogConfigId", "AWS::Route53Resolver::ResolverQueryLoggingConfig", "ResolverQueryLogConfig"),

        // Secrets and data
        new("secretsmanager.amazonaws.com", "CreateSecret", "responseElements.arn", "AWS::SecretsManager::Secret"),
        new("secretsmanager.amazonaws.com", Any, "requestParameters.secretId", "AWS::SecretsManager::Secret"),
        new("ssm.amazonaws.com", "*Parameter", "requestParameters.name", "AWS::SSM::Parameter"),
        new("ssm.amazonaws.com", "GetParameters", "requestParameters.names", "AWS::SSM::Parameter"),
        new("ssm.amazonaws.com", "SendCommand", "requestParameters.instanceIds", "AWS::EC2::Instance"),
        new("kms.amazonaws.com", Any, "requestParameters.keyId", "AWS::KMS::Key"),

        // RDS
        new(Rds, Any, "requestParameters.dBInstanceIdentifier", "AWS::RDS::DBInstance"),
        new(Rds, Any, "requestParameters.dBSnapshotIdentifier", "AWS::RDS::DBSnapshot"),
        new(Rds, Any, "requestParameters.dBSubnetGroupName", "AWS::RDS::DBSubnetGroup"),
        new(Rds, Any, "requestParameters.dBClusterIdentifier", "AWS::RDS::DBCluster"),

        // Compute services that create resources
        new("autoscaling.amazonaws.com", Any, "requestParameters.autoScalingGroupName", "AWS::AutoScaling::AutoScalingGroup"),
        new("eks.amazonaws.com", Any, "requestParameters.name", "AWS::EKS::Cluster"),
        new("ecs.amazonaws.com", Any, "requestParameters.clusterName", "AWS::ECS::Cluster"),
    ];
}
