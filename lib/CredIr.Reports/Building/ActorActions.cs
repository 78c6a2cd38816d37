using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>The actor's calls in time order, each with its classification and redacted record.</summary>
internal static class ActorActions
{
    public const string Uncategorized = "uncategorized";

    public static IReadOnlyList<ReportActorAction> From(IEnumerable<TrailEvent> events) =>
        events
            .Select(Map)
            .OrderBy(a => a.At ?? DateTimeOffset.MaxValue)
            .ThenBy(a => a.EventId, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> Categories(TrailEvent e)
    {
        var names = e.Categories
            .Where(c => c != EventCategory.Unspecified)
            .Distinct()
            .Select(ProtoValues.Name)
            .ToList();
        return names.Count == 0 ? [Uncategorized] : names;
    }

    private static ReportActorAction Map(TrailEvent e) => new(
        e.EventId,
        ProtoValues.Time(e.EventTime),
        e.EventName,
        e.EventSource,
        Categories(e),
        e.MatchedRules.ToList(),
        e.AccessKeyId,
        e.PrincipalArn,
        e.AccountId,
        e.Region,
        e.SourceIpAddress,
        e.UserAgent,
        e.ErrorCode,
        e.ErrorMessage,
        e.ReadOnly,
        e.Resources.Select(r => ProtoValues.Resource(r)!).ToList(),
        e.CreatedAccessKeyIds.ToList(),
        Redactor.RedactJson(e.RawJson));
}
