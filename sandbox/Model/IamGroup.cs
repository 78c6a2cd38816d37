namespace CredIr.Sandbox.Model;

internal sealed class IamGroup(string name, string id, string arn, string path, DateTimeOffset created)
    : PolicyHolder(name, id, arn, path, created);
