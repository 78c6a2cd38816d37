namespace CredIr.Eradication.Planning;

/// <summary>Stable step ids: the same change reached from two resources is the same step.</summary>
internal static class StepIds
{
    public static string For(string action, string? account, params string[] parts) => $"{action}|{account}|{string.Join('|', parts)}";
}
