using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Iam;

namespace CredIr.HuaweiCloud.Hosting;

/// <summary>
/// The Huawei Cloud clients a phase service acts with (one long-lived instance each), or null when the
/// deployment has no <c>HuaweiCloud</c> section.
/// </summary>
public sealed class HuaweiCloudAccess(HuaweiIamClient? iam, HuaweiCtsClient? cts, string? responderAccessKeyId)
{
    public const string NotConfigured =
        "Huawei Cloud is not configured for this service: set HuaweiCloud:AccessKeyId and HuaweiCloud:SecretAccessKey (and HuaweiCloud:IamEndpoint, HuaweiCloud:CtsEndpoint outside the public cloud)";

    public bool IsConfigured => iam is not null && cts is not null;

    public HuaweiIamClient Iam => iam ?? throw new InvalidOperationException(NotConfigured);

    public HuaweiCtsClient Cts => cts ?? throw new InvalidOperationException(NotConfigured);

    /// <summary>The AK the service signs with: a plan never acts on it.</summary>
    public string ResponderAccessKeyId => responderAccessKeyId ?? throw new InvalidOperationException(NotConfigured);

    /// <summary>
    /// Every region project of the account (IAM's project list, sub-projects left out: CTS records per region),
    /// the first being the one named first.
    /// </summary>
    public async Task<IReadOnlyList<IamProject>> RegionProjectsAsync(CancellationToken cancellationToken) =>
        [.. (await Iam.ListProjectsAsync(null, cancellationToken)).Where(static p => !p.Name.Contains('_', StringComparison.Ordinal) && p.Name != "MOS")];
}
