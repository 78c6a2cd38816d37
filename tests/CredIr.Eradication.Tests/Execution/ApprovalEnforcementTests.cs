using System.Security.Cryptography;
using CredIr.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>
/// Eradication deletes only what its own plan says, with a token the coordinator issued for that plan and incident,
/// once: a forged, altered, replayed or misdirected approval is refused and the actor's resources stay as they are.
/// </summary>
public sealed class ApprovalEnforcementTests : IAsyncLifetime
{
    private EradicationSandbox _org = null!;

    public async Task InitializeAsync() => _org = await EradicationSandbox.StartAsync("single-account-key-leak");

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task ForgedAlteredOrMisdirectedApproval_IsPermissionDenied_AndNothingChanges()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var before = await _org.SnapshotAsync();
        var forged = await _org.ApprovedAsync(plan);
        forged.Approval.Signature = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(32));
        var altered = await _org.ApprovedAsync(plan);
        altered.Plan = plan.Clone();
        altered.Plan.Steps[0].Target.Id = "someone-else";
        var otherIncident = await _org.ApprovedAsync(plan);
        otherIncident.IncidentId = "inc-other";

        var errors = new List<RpcException>();
        foreach (var request in new[] { forged, altered, otherIncident })
        {
            errors.Add(await Assert.ThrowsAsync<RpcException>(() => _org.ExecuteAsync(request)));
        }

        Assert.All(errors, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Contains("was not issued by the incident coordinator", errors[0].Status.Detail, StringComparison.Ordinal);
        Assert.Contains("was not made by this eradication service, or was changed since", errors[1].Status.Detail, StringComparison.Ordinal);
        Assert.Contains("is for incident inc-erad, not inc-other", errors[2].Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before.Lines, (await _org.SnapshotAsync()).Lines);
    }

    [Fact]
    public async Task ReplayedApproval_IsFailedPrecondition_AndWritesNothing()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var request = await _org.ApprovedAsync(plan);
        await _org.ExecuteAsync(request);
        var recorded = _org.Sandbox.Trail.All().Count;

        var e = await Assert.ThrowsAsync<RpcException>(() => _org.ExecuteAsync(request));

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("was already used", e.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(_org.WritesSince(recorded));
    }
}
