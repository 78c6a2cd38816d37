using CredIr.Contracts.V1;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Incidents.Tests.Phases;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Incidents.Tests.Grains;

/// <summary>
/// The playbook's run goes on beside the incident grain's turns: while a phase takes minutes (an
/// org-wide scan), the incident still answers reads and takes notes, and an advance that outlives one
/// grain call keeps going until the run reaches its resting point.
/// </summary>
public sealed class ShortTurnTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WhileAPhaseRuns_GetAndAddNoteAnswerAndTheAdvanceGoesOn()
    {
        var identification = new GatedIdentification();
        await using var coordinator = await StartAsync(identification);
        var opened = await coordinator.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        var advancing = coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("alice")).ResponseAsync;
        await Eventually.Within(identification.Entered.Task, "the run to reach identification");

        var noted = await Eventually.Within(coordinator.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "paged the owner" }, Calls.As("bob")).ResponseAsync, "a note while identification runs");
        var read = await Eventually.Within(coordinator.Service.GetIncidentAsync(new GetIncidentRequest { IncidentId = opened.IncidentId }, Calls.As("bob")).ResponseAsync, "a read while identification runs");
        var stillRunning = !advancing.IsCompleted;
        identification.Release.SetResult();
        var advanced = await Eventually.Within(advancing, "the advance once identification answers");

        Assert.True(stillRunning, "the advance returned before identification answered");
        Assert.Equal(["paged the owner"], read.Notes.Select(n => n.Text));
        Assert.Equal(noted.Version, read.Version);
        Assert.Equal(Phase.Containing, advanced.Phase);
        Assert.Equal(["paged the owner"], advanced.Notes.Select(n => n.Text));
    }

    [Fact]
    public async Task ARunLongerThanOneGrainCall_TheAdvanceWaitsForItsEnd()
    {
        var identification = new GatedIdentification();
        await using var coordinator = await StartAsync(identification, new Dictionary<string, string?> { ["AdvanceCallWait"] = "00:00:01" });
        var opened = await coordinator.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        var advancing = coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("alice")).ResponseAsync;
        await Eventually.Within(identification.Entered.Task, "the run to reach identification");

        // Past the grain call's bounded wait, several times: each time the grain answers "still
        // running" and the service calls again, joining the same run. (Orleans reads the same clock:
        // steps stay under its 30 s response timeout.)
        for (var i = 0; i < 3; i++)
        {
            coordinator.Time.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        var returnedEarly = advancing.IsCompleted;
        identification.Release.SetResult();
        var advanced = await Eventually.Within(advancing, "the advance once identification answers");

        Assert.False(returnedEarly, "the advance returned while the run was still going");
        Assert.Equal(Phase.Containing, advanced.Phase);
        Assert.Equal(1, identification.Calls);
    }

    private async Task<IncidentHarness> StartAsync(GatedIdentification identification, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var phases = new PhaseStandIns(new FakeCloud());
        return await IncidentHarness.StartAsync("sqlite:" + Path.Combine(_directory.Path, "credir.db"), services =>
        {
            phases.Register(services);
            services.AddSingleton<CredIr.Contracts.V1.Identification.IdentificationBase>(identification);
        }, settings);
    }

    /// <summary>Identification that takes as long as the test wants: it waits for <see cref="Release"/>.</summary>
    private sealed class GatedIdentification : CredIr.Contracts.V1.Identification.IdentificationBase
    {
        private readonly StandInIdentification _inner = new();
        private int _calls;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => _calls;

        public override async Task<IdentifyResponse> Identify(IdentifyRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref _calls);
            Entered.TrySetResult();
            await Release.Task.WaitAsync(context.CancellationToken);
            return await _inner.Identify(request, context);
        }

        public override Task<FindStakeholdersResponse> FindStakeholders(FindStakeholdersRequest request, ServerCallContext context) => _inner.FindStakeholders(request, context);

        public override Task<NotifyResponse> Notify(NotifyRequest request, ServerCallContext context) => _inner.Notify(request, context);
    }
}
