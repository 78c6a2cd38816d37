using System.Text;

namespace CredIr.Aws;

/// <summary>Role session names as STS accepts them: 2 to 64 characters of [A-Za-z0-9+=,.@_-].</summary>
public static class SessionNames
{
    private const int MaxLength = 64;

    /// <summary>"credir-{incidentId}", other characters replaced by '-', cut to 64.</summary>
    public static string ForIncident(string incidentId)
    {
        var builder = new StringBuilder("credir-", MaxLength);
        foreach (var c in incidentId)
        {
            if (builder.Length == MaxLength)
            {
                break;
            }

            builder.Append(IsAllowed(c) ? c : '-');
        }

        return builder.ToString();
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '=' or ',' or '.' or '@' or '_' or '-';
}
