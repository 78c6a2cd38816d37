using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace CredIr.Cli.Hosting;

/// <summary>
/// The retry policy of the channels to phase services hosted elsewhere: calls that only read (identify,
/// find stakeholders, plan) are retried when the service is UNAVAILABLE (a restart, a dropped connection);
/// calls that act on the cloud are not retried by the channel: the coordinator's journal decides.
/// </summary>
internal static class PhaseRetries
{
    public static ServiceConfig Config { get; } = new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names =
                {
                    new MethodName { Service = "credir.v1.Identification", Method = "Identify" },
                    new MethodName { Service = "credir.v1.Identification", Method = "FindStakeholders" },
                    new MethodName { Service = "credir.v1.Containment", Method = "PlanContainment" },
                    new MethodName { Service = "credir.v1.Eradication", Method = "PlanEradication" },
                    new MethodName { Service = "credir.v1.Recovery", Method = "PlanRecovery" },
                },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = 3,
                    InitialBackoff = TimeSpan.FromMilliseconds(200),
                    MaxBackoff = TimeSpan.FromSeconds(2),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    };
}
