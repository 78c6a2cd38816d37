namespace CredIr.Sandbox.Protocols;

internal enum AwsProtocol
{
    Query,
    Ec2,
    Json,
    RestJson,
    RestXml,
}
