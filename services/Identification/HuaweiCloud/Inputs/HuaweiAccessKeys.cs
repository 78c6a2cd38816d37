namespace CredIr.Identification.HuaweiCloud.Inputs;

/// <summary>The shape of a Huawei Cloud AK (access key id), and the messages that refuse a wrong one without echoing a secret.</summary>
internal static class HuaweiAccessKeys
{
    // An SK is 40 characters; a value of that length is never echoed.
    private const int SecretLength = 40;

    public const string Shape = "16 to 32 upper-case letters or digits";

    public static bool IsAccessKey(string? value) =>
        value is { Length: >= 16 and <= 32 } && value.All(static c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    public static bool LooksLikeSecret(string value) => value.Length == SecretLength;

    /// <summary>Why <paramref name="value"/> is not an AK, quoting it only when it cannot be a secret key.</summary>
    public static string Problem(string value) => LooksLikeSecret(value)
        ? "looks like a secret access key (40 characters); give the AK (the access key id), never the SK"
        : $"'{(value.Length <= 32 ? value : value[..32] + "...")}' is not a Huawei Cloud AK: expected {Shape}";
}
