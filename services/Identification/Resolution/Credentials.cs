using Google.Protobuf.WellKnownTypes;

namespace CredIr.Identification.Resolution;

/// <summary>Small helpers to fill the contract's Credential.</summary>
internal static class Credentials
{
    public static Timestamp? Time(DateTimeOffset? at) => at is { } t ? Timestamp.FromDateTimeOffset(t) : null;

    public static IEnumerable<string> Related(UserSnapshot user, string? except)
    {
        foreach (var key in user.AccessKeys.Where(k => k.AccessKeyId != except))
        {
            var used = key.LastUsedAt is { } at ? $", last used {at:u} ({key.LastUsedService} in {key.LastUsedRegion})" : ", never used";
            yield return $"access key {key.AccessKeyId} ({key.Status}, created {key.CreatedAt:u}{used})";
        }

        if (user.HasLoginProfile)
        {
            yield return $"console password (login profile) created {user.LoginProfileCreatedAt:u}";
        }

        foreach (var device in user.MfaDevices)
        {
            yield return $"MFA device {device}";
        }
    }
}
