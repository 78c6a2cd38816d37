using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Identification.Cmdb;
using CredIr.Identification.CompromiseTime;
using CredIr.Identification.Evidence;
using CredIr.Identification.HuaweiCloud;
using CredIr.Contracts.Providers;
using CredIr.Identification.Inputs;
using CredIr.Identification.Notifications;
using CredIr.Identification.Resolution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Identification;

/// <summary>The Identification gRPC service (playbook Part 1). Stateless: the coordinator keeps what it returns.</summary>
public sealed class IdentificationService(
    InputParser parser,
    CredentialResolver resolver,
    CmdbStore cmdb,
    Notifier notifier,
    IOptions<IdentificationOptions> options,
    TimeProvider time,
    ILogger<IdentificationService> logger,
    HuaweiIdentification? huawei = null) : Contracts.V1.Identification.IdentificationBase
{
    private const int MaxBaselineDays = 90;

    public override Task<IdentifyResponse> Identify(IdentifyRequest request, ServerCallContext context) =>
        IdentifyCoreAsync(request, context.CancellationToken);

    public override Task<FindStakeholdersResponse> FindStakeholders(FindStakeholdersRequest request, ServerCallContext context)
    {
        var found = StakeholderFinder.Find(cmdb.Current(), request.AccountIds, request.Resources, request.Applications);
        var response = new FindStakeholdersResponse();
        response.Stakeholders.AddRange(found.Stakeholders);
        response.Applications.AddRange(found.Applications);
        response.Communications.AddRange(found.Communications);
        return Task.FromResult(response);
    }

    public override async Task<NotifyResponse> Notify(NotifyRequest request, ServerCallContext context)
    {
        var response = new NotifyResponse();
        response.Notifications.AddRange(await notifier.NotifyAsync(request, context.CancellationToken));
        return response;
    }

    private async Task<IdentifyResponse> IdentifyCoreAsync(IdentifyRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var baselineDays = request.BaselineDays == 0 ? settings.DefaultBaselineDays : request.BaselineDays;
        if (baselineDays is < 1 or > MaxBaselineDays)
        {
            throw new InputValidationException("baseline_days", $"is {request.BaselineDays}; give 1 to {MaxBaselineDays} days, or 0 for the default ({settings.DefaultBaselineDays})");
        }

        var (parsed, onHuawei) = ParseInput(request.Input);
        var resolving = onHuawei ? Huawei().Resolver : resolver;
        var now = time.GetUtcNow();
        var evidence = new EvidenceLog(time);
        if (parsed.RawJson is not null)
        {
            evidence.Add(SourceOf(parsed.Kind), $"{parsed.Description}: {parsed.FindingType} {parsed.FindingId}".TrimEnd(), parsed.RawJson, parsed.FirstSeen);
        }

        AddResponderNotes(request, evidence);
        var scope = new ResolutionScope
        {
            AccountIds = request.Scope?.AccountIds.ToList() ?? [],
            Regions = onHuawei ? request.Scope?.Regions.ToList() ?? [] : RegionsFor(request.Scope, parsed, settings, resolver.GlobalEventsRegion),
            // Huawei Cloud: every region project unless regions are named (IAM lists them; CTS is per region).
            AllRegions = onHuawei ? request.Scope?.Regions.Count is null or 0 : request.Scope?.AllRegions == true && request.Scope.Regions.Count == 0,
            Now = now,
            Lookback = TimeSpan.FromDays(Math.Max(settings.LookbackDays, baselineDays + 1)),
            DeferTrail = request.DeferTrail,
        };
        var resolution = await resolving.ResolveAsync(parsed, scope, evidence, cancellationToken);
        if (onHuawei)
        {
            foreach (var resolved in resolution.Credentials)
            {
                resolved.Credential.Provider = CloudProvider.HuaweiCloud;
            }
        }

        foreach (var warning in resolution.Warnings)
        {
            evidence.Add("credir:identification", warning, null);
        }

        var response = new IdentifyResponse
        {
            InputKind = parsed.Kind,
            FindingId = parsed.FindingId ?? "",
            FindingType = parsed.FindingType ?? "",
            Severity = parsed.Severity,
            Title = parsed.Title ?? "",
        };
        var responderTime = request.CompromiseTime?.ToDateTimeOffset();
        response.CompromiseWindow = CompromiseWindows.Build(parsed, resolution, responderTime, TimeSpan.FromDays(baselineDays), evidence, response);
        response.Credentials.AddRange(resolution.Credentials.Select(c => c.Credential));
        response.AccountIds.AddRange(resolution.AccountIds.Union(parsed.AccountId is null ? [] : [parsed.AccountId], StringComparer.Ordinal));
        response.Gaps.AddRange(resolution.Gaps);
        response.Evidence.AddRange(evidence.Items);
        IdentificationLog.Identified(logger, response.Credentials.Count, parsed.Kind, response.FindingId, response.CompromiseWindow.Start, response.CompromiseWindow.Basis);
        return response;
    }

    // The seam: a Huawei Cloud input is parsed and resolved against Huawei's IAM and CTS; the rest is one playbook.
    // A finding names its cloud by its shape (a SecMaster alert or a CTS key event is Huawei Cloud's) even when
    // provider is left unspecified; a provider that contradicts the shape is refused rather than guessed between.
    private (ParsedInput Parsed, bool OnHuawei) ParseInput(IdentificationInput? input)
    {
        var requested = input?.Provider ?? CloudProvider.Unspecified;
        if (input?.InputCase == IdentificationInput.InputOneofCase.FindingJson)
        {
            var finding = parser.Parse(input);
            if (requested != CloudProvider.Unspecified && CloudProviders.Normalize(requested) != CloudProviders.Normalize(finding.Provider))
            {
                throw new InputValidationException("provider",
                    $"is {CloudProviders.Name(requested)}, but finding_json is a {finding.Description} of {CloudProviders.Name(finding.Provider)}; leave provider unspecified (the shape says the cloud)");
            }

            var huaweiFinding = finding.Provider == CloudProvider.HuaweiCloud;
            if (huaweiFinding)
            {
                Huawei().EnsureConfigured();
            }

            return (finding, huaweiFinding);
        }

        return CloudProviders.Normalize(requested) == CloudProvider.HuaweiCloud ? (Huawei().Parse(input!), true) : (parser.Parse(input), false);
    }

    private HuaweiIdentification Huawei() =>
        huawei ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, CredIr.HuaweiCloud.Hosting.HuaweiCloudAccess.NotConfigured));

    private static void AddResponderNotes(IdentifyRequest request, EvidenceLog evidence)
    {
        if (request.TicketReference.Length > 0)
        {
            evidence.Add("responder:ticket", $"ticket {request.TicketReference}", new { ticketReference = request.TicketReference });
        }

        if (request.EndUserImpact.Length > 0)
        {
            evidence.Add("responder:end-user-impact", request.EndUserImpact, new { endUserImpact = request.EndUserImpact });
        }
    }

    // Without regions named, the partition's home region: IAM and STS calls are recorded there.
    private static List<string> RegionsFor(Scope? scope, ParsedInput parsed, IdentificationOptions settings, string globalEventsRegion)
    {
        var regions = scope?.Regions.Count > 0 ? scope.Regions.ToList() : settings.Regions.Count > 0 ? settings.Regions.ToList() : [globalEventsRegion];
        if (scope?.Regions.Count is null or 0 && parsed.Region is { } region && region != "global" && !regions.Contains(region, StringComparer.Ordinal))
        {
            regions.Add(region);
        }

        return regions;
    }

    private static string SourceOf(InputKind kind) => kind switch
    {
        InputKind.GuarddutyFinding => "guardduty-finding",
        InputKind.SecurityHubFinding => "securityhub-finding",
        InputKind.HealthEvent => "health-event",
        InputKind.QuarantinePolicyEvent => "cloudtrail-quarantine-event",
        InputKind.SecmasterAlert => "secmaster-alert",
        InputKind.CtsKeyEvent => "cts-key-event",
        _ => "input",
    };
}
