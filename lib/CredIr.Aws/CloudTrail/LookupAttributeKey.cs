namespace CredIr.Aws;

/// <summary>The attributes LookupEvents filters on.</summary>
public enum LookupAttributeKey
{
    /// <summary>The event id.</summary>
    EventId,

    /// <summary>The API name, e.g. CreateAccessKey.</summary>
    EventName,

    /// <summary>"true" or "false".</summary>
    ReadOnly,

    /// <summary>The IAM user or role session name.</summary>
    Username,

    /// <summary>The resource type, e.g. AWS::IAM::AccessKey.</summary>
    ResourceType,

    /// <summary>The resource name or ARN.</summary>
    ResourceName,

    /// <summary>The service host, e.g. iam.amazonaws.com.</summary>
    EventSource,

    /// <summary>The access key id that signed the call.</summary>
    AccessKeyId,
}
