using CredIr.Contracts.V1;
using CredIr.Hosting.Validation;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Hosting.Tests.Validation;

/// <summary>The limits every host holds every request to, on the services' own messages.</summary>
public sealed class RequestShapeTests
{
    [Fact]
    public void Identify_RegionWithALineBreak_NamesTheFieldAndEscapesTheCharacter()
    {
        var request = new IdentifyRequest { Input = new IdentificationInput { AccessKeyId = "AKIAIOSFODNN7EXAMPLE" }, Scope = new Scope { Regions = { "us-east-1\nHost: evil" } } };

        Assert.Equal("scope.regions[0]: contains the control character U+000A ('us-east-1\\u000aHost: evil').", RequestShape.Problem(request));
    }

    [Fact]
    public void Identify_RegionWithUpperCase_IsNotARegionName()
    {
        var request = new IdentifyRequest { Scope = new Scope { Regions = { "US-EAST-1" } } };

        Assert.StartsWith("scope.regions[0]: 'US-EAST-1' is not a region name", RequestShape.Problem(request), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(253_402_300_800L, 0)]
    [InlineData(-62_135_596_801L, 0)]
    [InlineData(0L, -1)]
    [InlineData(0L, 1_000_000_000)]
    public void Identify_CompromiseTimeOutOfRange_IsNamed(long seconds, int nanos)
    {
        var request = new IdentifyRequest { CompromiseTime = new Timestamp { Seconds = seconds, Nanos = nanos } };

        Assert.StartsWith("compromise_time: ", RequestShape.Problem(request), StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamps_AtTheEdgesOfTheRange_AreAccepted()
    {
        var early = new IdentifyRequest { CompromiseTime = new Timestamp { Seconds = -62_135_596_800 } };
        var late = new IdentifyRequest { CompromiseTime = new Timestamp { Seconds = 253_402_300_799, Nanos = 999_999_999 } };

        Assert.Null(RequestShape.Problem(early));
        Assert.Null(RequestShape.Problem(late));
    }

    [Fact]
    public void Verify_DurationOfMixedSigns_IsNotNormalized()
    {
        var request = new VerifyContainmentRequest { Window = new Duration { Seconds = 5, Nanos = -1 } };

        Assert.Equal("window: seconds and nanos have different signs (not a normalized duration).", RequestShape.Problem(request));
    }

    [Fact]
    public void Note_TextWithLineBreaksAndTabs_IsAcceptedButABellIsNot()
    {
        Assert.Null(RequestShape.Problem(new AddNoteRequest { Text = "line one\r\n\tline two" }));
        Assert.StartsWith("text: contains the control character U+0007 (only tab and line breaks are allowed)", RequestShape.Problem(new AddNoteRequest { Text = "ding\a" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_OverTheirClassLimit_AreRefusedQuotingAShortPrefix()
    {
        var title = RequestShape.Problem(new OpenIncidentRequest { Title = new string('t', FieldLimits.Name + 1) });
        var note = RequestShape.Problem(new AddNoteRequest { Text = new string('n', FieldLimits.Text + 1) });

        Assert.Equal($"title: 1025 characters; at most 1024 are accepted ('{new string('t', 64)}'... (1025 characters)).", title);
        Assert.StartsWith("text: 65537 characters; at most 65536 are accepted", note, StringComparison.Ordinal);
        Assert.Null(RequestShape.Problem(new OpenIncidentRequest { Input = new IdentificationInput { FindingJson = new string(' ', FieldLimits.Text * 2) } }));
    }

    [Fact]
    public void Scan_ElevenThousandCheckpoints_NamesTheCount()
    {
        var request = new ScanRequest();
        request.Checkpoints.AddRange(Enumerable.Range(0, 11_000).Select(_ => new ScanCheckpoint()));

        Assert.Equal("checkpoints: 11000 entries; at most 10000 are accepted.", RequestShape.Problem(request));
    }

    [Fact]
    public void List_UnknownPhase_ListsTheKnownValues()
    {
        var problem = RequestShape.Problem(new ListIncidentsRequest { Phases = { Phase.Opened, (Phase)77 } });

        Assert.StartsWith("phases[1]: 77 is not a value of credir.v1.Phase (known: PHASE_UNSPECIFIED, PHASE_OPENED", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Recovery_MapValueOutOfTheEnum_NamesTheKey()
    {
        var request = new PlanRecoveryRequest { StrategyOverrides = { ["i-0abc"] = (RecoveryStrategy)99 } };

        Assert.StartsWith("strategy_overrides['i-0abc']: 99 is not a value of credir.v1.RecoveryStrategy", RequestShape.Problem(request), StringComparison.Ordinal);
    }

    [Fact]
    public void NestedMessage_DeepField_IsNamedByItsPath()
    {
        var request = new ExecutePlanRequest { Plan = new Plan { Steps = { new PlanStep(), new PlanStep { ExecutedAt = new Timestamp { Nanos = -5 } } } } };

        Assert.StartsWith("plan.steps[1].executed_at: nanos -5", RequestShape.Problem(request), StringComparison.Ordinal);
    }
}
