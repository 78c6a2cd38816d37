using CredIr.Grpc.Internal.Server;

namespace CredIr.Grpc.Tests.Protocol;

public sealed class StatusMapperTests
{
    [Fact]
    public void RpcException_KeepsItsStatusAndMessage()
    {
        var (status, message) = StatusMapper.Map(new RpcException(StatusCode.FailedPrecondition, "approve the plan first"), false, false, false);

        Assert.Equal((StatusCode.FailedPrecondition, "approve the plan first"), (status, message));
    }

    [Fact]
    public void CancellationWhenTheClientLeft_IsCancelled()
    {
        Assert.Equal(StatusCode.Cancelled, StatusMapper.Map(new OperationCanceledException(), false, clientGone: true, false).Status);
    }

    [Fact]
    public void AnythingAfterTheDeadline_IsDeadlineExceeded()
    {
        Assert.Equal(StatusCode.DeadlineExceeded, StatusMapper.Map(new OperationCanceledException(), deadlineExceeded: true, false, false).Status);
    }

    [Fact]
    public void OtherException_IsUnknownWithAGenericMessage()
    {
        var (status, message) = StatusMapper.Map(new InvalidOperationException("token=s3cr3t"), false, false, detailedErrors: false);

        Assert.Equal(StatusCode.Unknown, status);
        Assert.Equal(StatusMapper.GenericMessage, message);
    }

    [Fact]
    public void OtherException_WithDetailedErrors_CarriesItsTypeAndMessage()
    {
        var (_, message) = StatusMapper.Map(new InvalidOperationException("boom"), false, false, detailedErrors: true);

        Assert.Contains("InvalidOperationException: boom", message, StringComparison.Ordinal);
    }
}
