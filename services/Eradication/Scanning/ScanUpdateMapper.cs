using CredIr.Contracts.V1;
using CredIr.Eradication.Closure;
using CredIr.Eradication.Trails;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using CredIr.Playbook.Trail;
using Google.Protobuf.WellKnownTypes;
using ProtoCategory = CredIr.Contracts.V1.EventCategory;
using ProtoKind = CredIr.Contracts.V1.CredentialKind;

namespace CredIr.Eradication.Scanning;

/// <summary>Maps the closure's domain updates to the wire's ScanUpdate messages (and the request's credentials back).</summary>
internal static class ScanUpdateMapper
{
    private static readonly (EventCategories Flag, ProtoCategory Proto)[] Categories =
    [
        (EventCategories.SensitiveDataAccess, ProtoCategory.SensitiveDataAccess),
        (EventCategories.ResourceCreation, ProtoCategory.ResourceCreation),
        (EventCategories.IdentityPersistence, ProtoCategory.IdentityPersistence),
        (EventCategories.Creation, ProtoCategory.Creation),
        (EventCategories.Deletion, ProtoCategory.Deletion),
        (EventCategories.Modification, ProtoCategory.Modification),
        (EventCategories.DefenseEvasion, ProtoCategory.DefenseEvasion),
        (EventCategories.FailedAttempt, ProtoCategory.FailedAttempt),
        (EventCategories.Reconnaissance, ProtoCategory.Reconnaissance),
        (EventCategories.CredentialAccess, ProtoCategory.CredentialAccess),
    ];

    public static DerivedCredential FromRequest(Credential credential, DateTimeOffset since) =>
        string.IsNullOrWhiteSpace(credential.AccessKeyId)
            ? InitialCredentials.Principal(credential.PrincipalArn, since)
            : InitialCredentials.AccessKey(credential.AccessKeyId, since, NullIfEmpty(credential.PrincipalArn), NullIfEmpty(credential.AccountId));

    /// <summary>Null for updates the wire does not carry (the given credentials echoed back).</summary>
    public static ScanUpdate? ToWire(ClosureUpdate update) => update switch
    {
        EventFound found => new ScanUpdate { Event = ToWire(found.Event) },
        CredentialFound { Credential.Depth: > 0 } found => new ScanUpdate { Credential = ToWire(found.Credential) },
        GapFound gap => new ScanUpdate { Gap = ToWire(gap.Gap) },
        CheckpointReached checkpoint => new ScanUpdate { Checkpoint = ToWire(checkpoint.Checkpoint) },
        ClosureProgress progress => new ScanUpdate
        {
            Progress = new ScanProgress
            {
                AccountRegionsTotal = progress.UnitsTotal,
                AccountRegionsDone = progress.UnitsDone,
                EventsRead = progress.RecordsRead,
                EventsAttributed = progress.EventsAttributed,
                CredentialsTotal = progress.CredentialsTotal,
            },
        },
        ClosureCompleted completed => new ScanUpdate { Summary = ToWire(completed.Summary) },
        _ => null,
    };

    public static TrailEvent ToWire(AttributedEvent attributed)
    {
        var record = attributed.Record;
        var wire = new TrailEvent
        {
            EventId = record.EventId,
            EventTime = Timestamp.FromDateTimeOffset(record.EventTime),
            EventName = record.EventName,
            EventSource = record.EventSource,
            AccessKeyId = record.UserIdentity.AccessKeyId ?? "",
            PrincipalArn = record.UserIdentity.Arn ?? "",
            AccountId = record.AccountId ?? "",
            Region = record.AwsRegion ?? "",
            SourceIpAddress = record.SourceIpAddress ?? "",
            UserAgent = record.UserAgent ?? "",
            ErrorCode = record.ErrorCode ?? "",
            ErrorMessage = record.ErrorMessage ?? "",
            ReadOnly = record.ReadOnly ?? false,
            RawJson = SecretScrubber.Scrub(record.Raw),
        };
        wire.Categories.AddRange(ToWire(attributed.Classification.Categories));
        wire.MatchedRules.AddRange(attributed.Classification.MatchedRules);
        wire.Resources.AddRange(attributed.Facts.Resources.Select(ToWire));
        wire.CreatedAccessKeyIds.AddRange(attributed.Facts.Credentials.Where(c => c.AccessKeyId is not null).Select(c => c.AccessKeyId!));
        return wire;
    }

    public static Credential ToWire(TrackedCredential tracked)
    {
        var credential = tracked.Credential;
        var wire = new Credential
        {
            AccessKeyId = credential.AccessKeyId ?? "",
            Kind = ToWire(credential.Kind),
            PrincipalArn = credential.PrincipalArn ?? "",
            AccountId = credential.AccountId ?? "",
            UserName = credential.UserName ?? "",
            RoleName = ArnParts.Name(credential.RoleArn) ?? "",
            SessionName = credential.SessionName ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(credential.CreatedAt),
            ScanFrom = Timestamp.FromDateTimeOffset(tracked.ScanFrom),
            Provenance = new Provenance
            {
                DerivedFromAccessKeyId = tracked.DerivedFrom is { } parent && parent.StartsWith("key:", StringComparison.Ordinal) ? parent[4..] : "",
                DerivedFromPrincipalArn = tracked.DerivedFrom is { } p && !p.StartsWith("key:", StringComparison.Ordinal) ? p : "",
                CreatedByEventId = credential.CreatedByEventId,
                CreatedByEventName = credential.CreatedByEventName,
                CreatedAt = Timestamp.FromDateTimeOffset(credential.CreatedAt),
                Depth = tracked.Depth,
            },
        };
        if (credential.ExpiresAt is { } expires)
        {
            wire.ExpiresAt = Timestamp.FromDateTimeOffset(expires);
        }

        wire.Related.AddRange(credential.Attributions.Select(a => a.ToString()));
        return wire;
    }

    public static ResourceRef ToWire(TouchedResource resource) => new()
    {
        Arn = resource.Arn ?? "",
        Type = resource.Type,
        Id = resource.Id,
        AccountId = resource.AccountId ?? "",
        Region = resource.Region ?? "",
    };

    public static SourceGap ToWire(TrailGap gap)
    {
        var wire = new SourceGap { AccountId = gap.AccountId ?? "", Region = gap.Region ?? "", Reason = gap.Reason, ErrorCode = gap.ErrorCode ?? "" };
        wire.CategoriesNotSeen.AddRange(ToWire(gap.CategoriesNotSeen));
        return wire;
    }

    public static ScanCheckpoint ToWire(TrailCheckpoint checkpoint)
    {
        var wire = new ScanCheckpoint
        {
            AccountId = checkpoint.AccountId ?? "",
            Region = checkpoint.Region ?? "",
            // A log file checkpoint names its file here; a LookupEvents one its page token, or nothing before its first page
            // (its segment says which chain it is: a unit id sent back as a token would be refused by CloudTrail).
            NextToken = checkpoint.NextToken ?? (checkpoint.SegmentStart is null ? checkpoint.Unit : ""),
            Done = checkpoint.Done,
            AccessKeyId = checkpoint.Attribute ?? "",
        };
        if (checkpoint.SegmentStart is { } start && checkpoint.SegmentEnd is { } end)
        {
            wire.Segment = new TimeRange { Start = Timestamp.FromDateTimeOffset(start), End = Timestamp.FromDateTimeOffset(end) };
        }

        return wire;
    }

    /// <summary>A checkpoint back from the caller: with a segment it is a LookupEvents page chain, else a finished log file.</summary>
    public static TrailCheckpoint FromWire(ScanCheckpoint wire)
    {
        var token = string.IsNullOrEmpty(wire.NextToken) ? null : wire.NextToken;
        if (wire.Segment is { } segment)
        {
            var start = segment.Start.ToDateTimeOffset();
            var attribute = string.IsNullOrEmpty(wire.AccessKeyId) ? null : wire.AccessKeyId;
            return new TrailCheckpoint(
                Trails.LookupEvents.LookupUnit.IdOf(wire.AccountId, wire.Region, attribute, start, segment.End.ToDateTimeOffset()),
                wire.AccountId, wire.Region, start, segment.End.ToDateTimeOffset(), token, wire.Done, attribute);
        }

        return new TrailCheckpoint(wire.NextToken, NullIfEmpty(wire.AccountId), NullIfEmpty(wire.Region), null, null, null, wire.Done);
    }

    public static ScanSummary ToWire(ClosureSummary summary)
    {
        var wire = new ScanSummary
        {
            EventsAttributed = summary.EventsAttributed,
            CredentialsTotal = summary.CredentialsTotal,
            CredentialsDerived = summary.CredentialsDerived,
            Complete = summary.Complete,
            AthenaQueries = summary.Queries,
            AthenaBytesScanned = summary.BytesScanned,
        };
        foreach (var (category, count) in summary.EventsByCategory)
        {
            foreach (var proto in ToWire(category))
            {
                wire.EventsByCategory[proto.ToString()] = count;
            }
        }

        wire.Gaps.AddRange(summary.Gaps.Select(ToWire));
        wire.Created.AddRange(summary.Created.Select(ToWire));
        wire.Modified.AddRange(summary.Modified.Select(ToWire));
        wire.Deleted.AddRange(summary.Deleted.Select(ToWire));
        return wire;
    }

    public static IEnumerable<ProtoCategory> ToWire(EventCategories categories) =>
        Categories.Where(c => categories.HasFlag(c.Flag)).Select(c => c.Proto);

    private static ProtoKind ToWire(Playbook.Extraction.CredentialKind kind) => kind switch
    {
        Playbook.Extraction.CredentialKind.AccessKey => ProtoKind.AccessKey,
        Playbook.Extraction.CredentialKind.RoleSession => ProtoKind.RoleSession,
        Playbook.Extraction.CredentialKind.SessionToken => ProtoKind.SessionToken,
        Playbook.Extraction.CredentialKind.FederationToken => ProtoKind.FederationToken,
        Playbook.Extraction.CredentialKind.LoginProfile => ProtoKind.LoginProfile,
        Playbook.Extraction.CredentialKind.IamUser => ProtoKind.IamUser,
        Playbook.Extraction.CredentialKind.Role => ProtoKind.Role,
        _ => ProtoKind.Unspecified,
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
