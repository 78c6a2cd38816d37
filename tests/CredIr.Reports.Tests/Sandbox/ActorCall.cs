namespace CredIr.Reports.Tests.Sandbox;

/// <summary>A call the scenario's ground truth marks as the actor's: its step, API name and the access key it was signed with.</summary>
internal sealed record ActorCall(string StepId, string EventName, string AccessKeyId);
