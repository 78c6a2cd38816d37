using CredIr.Eradication.Closure;
using static CredIr.Eradication.Tests.TrailJson;

namespace CredIr.Eradication.Tests.Closure;

public sealed class CycleClosureTests
{
    [Fact]
    public async Task KeysThatRevealEachOther_TheFixedPointEnds()
    {
        // alice's key makes bob a key; bob's key makes one for alice that turns out to be alice's own key id
        // (a re-revealed credential): it is known already, so the worklist does not grow and the scan ends.
        using var folder = new TempFolder();
        folder.Write("flat/a.json", File(
            CreateAccessKey(1, User("111111111111", "alice", "AKIAALICE00000000001"), "bob", "AKIABOB0000000000002"),
            CreateAccessKey(2, User("111111111111", "bob", "AKIABOB0000000000002"), "alice", "AKIAALICE00000000001"),
            CreateAccessKey(3, User("111111111111", "alice", "AKIAALICE00000000001"), "bob", "AKIABOB0000000000002")));

        var updates = await Sources.RunAsync(folder.Path, new ClosureRequest
        {
            Credentials = [InitialCredentials.AccessKey("AKIAALICE00000000001", T0)],
            Since = T0,
        });

        var summary = updates.OfType<ClosureCompleted>().Single().Summary;
        Assert.Equal(2, summary.CredentialsTotal);
        Assert.Equal(3, summary.EventsAttributed);
        Assert.Equal(2, summary.Rounds);
    }

    [Fact]
    public async Task DerivedKey_CallsBeforeItsCreation_AreNotItsOwn()
    {
        // A key's own window starts at the call that made it: a (recycled-id) call before that is not attributed.
        using var folder = new TempFolder();
        folder.Write("a.json", File(
            Record(1, User("111111111111", "bob", "AKIABOB0000000000002"), "iam.amazonaws.com", "ListUsers", readOnly: true),
            CreateAccessKey(2, User("111111111111", "alice", "AKIAALICE00000000001"), "bob", "AKIABOB0000000000002"),
            Record(3, User("111111111111", "bob", "AKIABOB0000000000002"), "iam.amazonaws.com", "ListRoles", readOnly: true)));

        var updates = await Sources.RunAsync(folder.Path, new ClosureRequest
        {
            Credentials = [InitialCredentials.AccessKey("AKIAALICE00000000001", T0)],
            Since = T0,
        });

        Assert.Equal(["CreateAccessKey", "ListRoles"], updates.OfType<EventFound>().Select(e => e.Event.Record.EventName).Order(StringComparer.Ordinal));
    }
}
