using CredIr.Eradication.Closure;
using CredIr.Eradication.Trails;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Tests.Trails.LookupEvents;

public sealed class LookupEventsGroundTruthTests
{
    [Fact]
    public async Task MultiAccountOrg_LeakedKeyOverLookupEvents_FindsEveryActorActionAndDerivedCredentialAndNothingElse()
    {
        await using var org = await SandboxOrganization.StartAsync("multi-account-org");
        var truth = org.GroundTruth;
        var leaked = truth.GetProperty("leakedAccessKeyId").GetString()!;
        var actorIp = truth.GetProperty("actorSourceIp").GetString()!;
        var since = org.Sandbox.Clock.GetUtcNow().AddHours(-5);
        using var sessions = org.Sessions();

        var updates = new List<ClosureUpdate>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await foreach (var update in SandboxOrganization.Engine(sessions).RunAsync(
            new ClosureRequest { Credentials = [InitialCredentials.AccessKey(leaked, since)], Since = since }, timeout.Token))
        {
            updates.Add(update);
        }

        var found = updates.OfType<EventFound>().Select(static e => e.Event.Record).ToList();
        var actorEvents = org.Sandbox.Trail.All()
            .Where(static e => e.ManagementEvent)
            .Where(e => System.Text.Json.JsonDocument.Parse(e.Json).RootElement.GetProperty("sourceIPAddress").GetString() == actorIp)
            .Select(static e => e.EventId)
            .ToHashSet();
        Assert.NotEmpty(actorEvents);
        Assert.Empty(actorEvents.Except(found.Select(static r => r.EventId)));
        Assert.All(found, r => Assert.Equal(actorIp, r.SourceIpAddress));
        Assert.Equal(found.Count, found.Select(static r => r.EventId).Distinct().Count());
        Assert.Contains(found, r => r.AccountId != org.Sandbox.Accounts[0].AccountId);

        var derived = updates.OfType<CredentialFound>().Select(static c => c.Credential.Identity).ToList();
        // The instance's key (kind InstanceRole) is in no record that made it: only its use reveals it.
        foreach (var expected in truth.GetProperty("derivedCredentials").EnumerateArray())
        {
            Assert.Contains("key:" + expected.GetProperty("accessKeyId").GetString(), derived);
        }

        var gaps = updates.OfType<GapFound>().Select(static g => g.Gap).ToList();
        Assert.Contains(gaps, g => g.CategoriesNotSeen.HasFlag(EventCategories.SensitiveDataAccess));
        Assert.DoesNotContain(gaps, g => g.UnitFailed);
    }
}
