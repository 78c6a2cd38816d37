namespace CredIr.Identification.Cmdb;

/// <summary>A person or team and how to reach them (an e-mail address, a pager or chat handle, a webhook name).</summary>
public sealed record CmdbContact
{
    public string Name { get; init; } = "";

    public string Contact { get; init; } = "";
}
