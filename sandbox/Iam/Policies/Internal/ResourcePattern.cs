namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>A Resource / NotResource entry, possibly holding policy variables such as ${aws:username}.</summary>
internal sealed class ResourcePattern(string text, bool variablesEnabled)
{
    private readonly bool _hasVariables = variablesEnabled && PolicyVariables.Contains(text);

    public string Text { get; } = text;

    public bool Matches(string resource, RequestContext context)
    {
        if (!_hasVariables)
        {
            return ArnMatcher.IsMatch(Text, resource);
        }

        return PolicyVariables.TryResolve(Text, context, out var resolved) && ArnMatcher.IsMatch(resolved, resource);
    }
}
