using System.Security.Cryptography;
using System.Text;

namespace CredIr.Containment.Planning;

/// <summary>
/// Step ids are a hash of the action and its target, so the same change planned twice (or by two
/// plans) has the same id and an execution can be recognised as a repeat.
/// </summary>
internal static class StepIds
{
    public static string For(string action, string target)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(action + "\n" + target));
        return "step-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    public static string ForPlan(string incidentId, IEnumerable<string> stepIds, DateTimeOffset revokeBefore)
    {
        var text = new StringBuilder(incidentId).Append('\n').Append(revokeBefore.ToUnixTimeMilliseconds());
        foreach (var id in stepIds)
        {
            text.Append('\n').Append(id);
        }

        return "plan-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 8));
    }
}
