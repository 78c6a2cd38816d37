using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Domain;

public sealed class PhaseMachineTests
{
    private static readonly DateTimeOffset Now = TestIncidents.Start;

    [Fact]
    public void ForwardPath_EveryPhaseInOrder_IsAllowed()
    {
        var incident = TestIncidents.Document("inc-1");
        Phase[] path = [Phase.Identified, Phase.Containing, Phase.Contained, Phase.Eradicating, Phase.Eradicated, Phase.Recovering, Phase.Recovered, Phase.Closed];

        foreach (var phase in path)
        {
            IncidentWorkflow.MoveTo(incident, phase, "test", Now);
        }

        Assert.Equal(Phase.Closed, incident.Phase);
        Assert.NotNull(incident.ContainedAt);
        Assert.NotNull(incident.ClosedAt);
        Assert.Equal(path.Length, incident.Timeline.Count);
    }

    [Fact]
    public void SkippingContainment_IsRefusedWithWhatMustHappenFirst()
    {
        var incident = TestIncidents.Document("inc-1", Phase.Identified);

        var error = Assert.Throws<IllegalTransitionException>(() => IncidentWorkflow.MoveTo(incident, Phase.Contained, "test", Now));

        Assert.Equal(IncidentErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal((Phase.Identified, Phase.Contained), (error.From, error.To));
        Assert.Contains("Cannot move from identified to contained", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be containing first", error.Message, StringComparison.Ordinal);
        Assert.Equal(Phase.Identified, incident.Phase);
    }

    [Theory]
    [InlineData(Phase.Contained)]
    [InlineData(Phase.Eradicating)]
    [InlineData(Phase.Eradicated)]
    public void DerivedCredential_AfterContainment_SendsIncidentBackToContaining(Phase phase)
    {
        var incident = TestIncidents.Document("inc-1", phase);
        var derived = new Credential
        {
            AccessKeyId = "ASIADERIVED0000001",
            Kind = CredentialKind.RoleSession,
            Provenance = new Provenance { DerivedFromAccessKeyId = "AKIAEXAMPLE0000001", CreatedByEventName = "AssumeRole", Depth = 1 },
        };

        var added = IncidentWorkflow.AddCredential(incident, derived, Now);

        Assert.True(added);
        Assert.Equal(Phase.Containing, incident.Phase);
        Assert.Equal("containment of derived credential ASIADERIVED0000001", incident.WaitingFor);
    }

    [Fact]
    public void SameCredentialTwice_IsAddedOnce()
    {
        var incident = TestIncidents.Document("inc-1", Phase.Eradicating);
        var credential = new Credential { AccessKeyId = "AKIAEXAMPLE0000002", Kind = CredentialKind.AccessKey };
        IncidentWorkflow.AddCredential(incident, credential, Now);
        IncidentWorkflow.MoveTo(incident, Phase.Contained, "contained again", Now);

        Assert.False(IncidentWorkflow.AddCredential(incident, credential, Now));
        Assert.Equal(Phase.Contained, incident.Phase);
    }

    [Fact]
    public void Close_WhileContaining_NeedsForceAndReason()
    {
        var incident = TestIncidents.Document("inc-1", Phase.Containing);

        var refused = Assert.Throws<IllegalTransitionException>(() =>
            IncidentWorkflow.Close(incident, new CloseIncidentRequest(), "alice", Now));
        var noReason = Assert.Throws<IncidentException>(() =>
            IncidentWorkflow.Close(incident, new CloseIncidentRequest { Force = true }, "alice", Now));
        IncidentWorkflow.Close(incident, new CloseIncidentRequest { Force = true, Reason = "false positive: key belongs to a honeypot" }, "alice", Now);

        Assert.Contains("recovery must finish first", refused.Message, StringComparison.Ordinal);
        Assert.Equal(IncidentErrorKind.InvalidArgument, noReason.Kind);
        Assert.Equal(Phase.Closed, incident.Phase);
        Assert.Contains("honeypot", incident.Timeline[^1].What, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_BeforeAnyCloudChange_IsAllowedWithoutForce()
    {
        var incident = TestIncidents.Document("inc-1", Phase.Identified);

        IncidentWorkflow.Close(incident, new CloseIncidentRequest { LessonsLearned = "rotate CI keys" }, "alice", Now);

        Assert.Equal(Phase.Closed, incident.Phase);
        Assert.Equal("rotate CI keys", incident.LessonsLearned);
    }

    [Fact]
    public void ClosedIncident_RefusesEveryTransition()
    {
        var incident = TestIncidents.Document("inc-1", Phase.Closed);

        var error = Assert.Throws<IllegalTransitionException>(() => IncidentWorkflow.MoveTo(incident, Phase.Containing, "reopen", Now, force: true));

        Assert.Contains("the incident is closed", error.Message, StringComparison.Ordinal);
    }
}
