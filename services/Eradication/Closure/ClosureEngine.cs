using System.Runtime.CompilerServices;
using CredIr.Eradication.Trails;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using CredIr.Playbook.Trail;

namespace CredIr.Eradication.Closure;

/// <summary>
/// The fixed point of playbook Part 3, step 6: scan the credentials, attribute their calls, add the
/// credentials those calls created, and scan those in turn until no new credential appears. Each round
/// is one query over the trail for the whole frontier, so a log folder is read once per hop, not once
/// per credential. Credentials are deduplicated by identity, so cycles end.
/// </summary>
public sealed class ClosureEngine(ITrailSource source, EventClassifier classifier, RecordExtractor extractor, TimeProvider time)
{
    public async IAsyncEnumerable<ClosureUpdate> RunAsync(ClosureRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var until = request.Until ?? time.GetUtcNow();
        var state = new RunState(request);
        var frontier = new List<TrackedCredential>();
        foreach (var given in request.Credentials)
        {
            var tracked = new TrackedCredential(given, 0, null, Max(given.CreatedAt, request.Since), Followed: true);
            if (state.Known.TryAdd(tracked.Identity, tracked))
            {
                frontier.Add(tracked);
                yield return new CredentialFound(tracked);
            }
        }

        while (frontier.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.Round++;
            var next = new List<TrackedCredential>();
            var query = new TrailQuery
            {
                Accounts = AccountsFor(request.Accounts, frontier),
                Regions = request.Regions,
                ResumeFrom = request.ResumeFrom,
                Since = frontier.Min(c => c.ScanFrom),
                Until = until,
                Filter = FilterFor(frontier),
            };

            await foreach (var item in source.QueryAsync(query, cancellationToken))
            {
                switch (item)
                {
                    case TrailRecordItem { Record: var record }:
                        if (Attribute(record, frontier, state) is not { } attributed)
                        {
                            break;
                        }

                        yield return new EventFound(attributed);
                        if (KeysInUse.Reveal(record, attributed.Credential) is { } revealed && state.Known.TryAdd(revealed.Identity, revealed))
                        {
                            yield return new CredentialFound(revealed);
                        }

                        foreach (var derived in attributed.Facts.Credentials)
                        {
                            if (Track(derived, attributed.Credential, request, state) is { } tracked)
                            {
                                if (tracked.Followed)
                                {
                                    next.Add(tracked);
                                }

                                yield return new CredentialFound(tracked);
                            }
                        }

                        break;
                    case TrailGapItem { Gap: var gap }:
                        state.Gaps.Add(gap);
                        yield return new GapFound(gap);
                        break;
                    case TrailCheckpointItem { Checkpoint: var checkpoint }:
                        yield return new CheckpointReached(state.Round, checkpoint);
                        break;
                    case TrailCostItem cost:
                        state.Queries += cost.Queries;
                        state.BytesScanned += cost.BytesScanned;
                        break;
                    case TrailProgressItem progress:
                        yield return new ClosureProgress(state.Round, progress.UnitsTotal, progress.UnitsDone, state.RecordsRead + progress.RecordsRead, state.EventsAttributed, state.Known.Count);
                        state.LastRoundRecords = progress.RecordsRead;
                        break;
                }
            }

            state.RecordsRead += state.LastRoundRecords;
            state.LastRoundRecords = 0;
            frontier = next;
        }

        yield return new ClosureCompleted(state.Summary());
    }

    private AttributedEvent? Attribute(CloudTrailRecord record, List<TrackedCredential> frontier, RunState state)
    {
        TrackedCredential? owner = null;
        foreach (var credential in frontier)
        {
            if (record.EventTime >= credential.ScanFrom
                && credential.Credential.Attributions.Any(a => a.Matches(record))
                && (owner is null || credential.Depth < owner.Depth))
            {
                owner = credential;
            }
        }

        // The same call can match a credential of an earlier round (a user's key, then the user): count it once.
        if (owner is null || !state.Attributed.Add(record.EventId.Length > 0 ? record.EventId : record.Raw.GetRawText()))
        {
            return null;
        }

        var classification = classifier.Classify(record, state.Context);
        var facts = extractor.Extract(record);
        state.Count(classification, facts, record);
        return new AttributedEvent(record, classification, facts, owner);
    }

    private static TrackedCredential? Track(DerivedCredential derived, TrackedCredential parent, ClosureRequest request, RunState state)
    {
        var depth = parent.Depth + 1;
        var follow = request.Follow && (request.MaxDepth <= 0 || depth <= request.MaxDepth);
        var tracked = new TrackedCredential(derived, depth, parent.Identity, derived.CreatedAt, follow);
        return state.Known.TryAdd(tracked.Identity, tracked) ? tracked : null;
    }

    private static TrailFilter FilterFor(List<TrackedCredential> frontier)
    {
        HashSet<string> keys = new(StringComparer.Ordinal), users = new(StringComparer.Ordinal),
            principals = new(StringComparer.Ordinal), resources = new(StringComparer.Ordinal);
        foreach (var credential in frontier.Select(c => c.Credential))
        {
            if (credential.AccessKeyId is { } key)
            {
                keys.Add(key);
            }

            foreach (var attribution in credential.Attributions)
            {
                switch (attribution.Selector)
                {
                    case (AttributionSelector.PrincipalArn, var value):
                        principals.Add(value);
                        break;
                    case (AttributionSelector.UserName, var value):
                        users.Add(value);
                        break;
                    case (AttributionSelector.ResourceName, var value):
                        resources.Add(value);
                        break;
                    case (AttributionSelector.AccessKeyId, var value):
                        keys.Add(value);
                        break;
                }
            }
        }

        return new TrailFilter { AccessKeyIds = keys, UserNames = users, PrincipalArns = principals, ResourceNames = resources };
    }

    /// <summary>
    /// A derived credential has its own account scope: a session lives in the role's account, an instance's keys where it
    /// runs, and their calls are recorded there. A scope given as the leaked key's accounts would otherwise hide every
    /// hop into another account, so each round reads the given accounts plus those of the credentials it follows.
    /// </summary>
    private static IReadOnlyList<string> AccountsFor(IReadOnlyList<string> given, List<TrackedCredential> frontier) =>
        given.Count == 0
            ? given
            : [.. given.Concat(frontier.Where(static c => c.Depth > 0).Select(static c => c.Credential.AccountId).OfType<string>()).Distinct(StringComparer.Ordinal)];

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
