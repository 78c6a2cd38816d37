namespace CredIr.Gateway.Proxy;

/// <summary>When the gateway received the request (a TimeProvider timestamp), so a deadline passed on is shortened by the time spent here.</summary>
internal sealed record RequestArrival(long Timestamp);
