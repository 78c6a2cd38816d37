using System.Globalization;

namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>
/// One value of a condition key in a policy, with its number, date or CIDR parsed once at load time
/// (unless it holds a policy variable, which can only be resolved per request).
/// </summary>
internal sealed class ConditionValue
{
    public ConditionValue(string text, bool variablesEnabled)
    {
        Text = text;
        HasVariables = variablesEnabled && PolicyVariables.Contains(text);
        if (!HasVariables)
        {
            Number = ParseNumber(text);
            Date = PolicyDates.TryParse(text, out var date) ? date : null;
            Cidr = IpCidr.TryParse(text, out var cidr) ? cidr : null;
        }
    }

    public string Text { get; }

    public bool HasVariables { get; }

    public decimal? Number { get; }

    public DateTimeOffset? Date { get; }

    public IpCidr? Cidr { get; }

    public static decimal? ParseNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
