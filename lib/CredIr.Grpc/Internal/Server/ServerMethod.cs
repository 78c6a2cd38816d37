using CredIr.Grpc.Internal.Binding;
using Microsoft.AspNetCore.Http;

namespace CredIr.Grpc.Internal.Server;

/// <summary>The endpoint of one rpc: protocol checks, the call's life, and its status.</summary>
internal abstract class ServerMethod(ContractMethod method, ServerCallServices services)
{
    protected ContractMethod Method { get; } = method;

    protected string RequestName { get; } = method.Descriptor.InputType.FullName;

    public async Task HandleAsync(HttpContext http)
    {
        if (!GrpcProtocol.IsGrpcContentType(http.Request.ContentType))
        {
            ServerLog.RequestRefused(services.Logger, Method.Path, "content-type is not application/grpc");
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            http.Response.Headers[GrpcProtocol.StatusTrailer] = StatusStrings.Of(StatusCode.Internal);
            http.Response.Headers[GrpcProtocol.MessageTrailer] = "Content-Type is missing from the request or is not application/grpc.";
            return;
        }

        if (!HttpProtocol.IsHttp2(http.Request.Protocol) && !HttpProtocol.IsHttp3(http.Request.Protocol))
        {
            // Trailers carry the status: HTTP/1.1 cannot, so say so as grpc-dotnet does.
            ServerLog.RequestRefused(services.Logger, Method.Path, "not HTTP/2");
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers[GrpcProtocol.StatusTrailer] = StatusStrings.Of(StatusCode.Internal);
            http.Response.Headers[GrpcProtocol.MessageTrailer] = "Request protocol '" + http.Request.Protocol + "' is not supported.";
            return;
        }

        using var call = new ServerCall(http, services, Method.FullName);
        try
        {
            call.Start();
            await InvokeAsync(call).ConfigureAwait(false);
            if (call.DeadlineExceeded)
            {
                ServerLog.DeadlineExceeded(services.Logger, Method.FullName);
                call.Complete(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            }
            else
            {
                call.Complete(StatusCode.OK, null);
            }
        }
        catch (Exception e)
        {
            Fail(call, e);
        }
    }

    protected abstract Task InvokeAsync(ServerCall call);

    private void Fail(ServerCall call, Exception exception)
    {
        var (status, message) = StatusMapper.Map(exception, call.DeadlineExceeded, call.ClientGone, services.EnableDetailedErrors);
        switch (status)
        {
            case StatusCode.Cancelled:
                ServerLog.CallCancelled(services.Logger, Method.FullName);
                break;
            case StatusCode.DeadlineExceeded:
                ServerLog.DeadlineExceeded(services.Logger, Method.FullName);
                break;
            case StatusCode.Unknown when exception is not RpcException:
                ServerLog.HandlerFailed(services.Logger, Method.FullName, status, exception);
                break;
            default:
                ServerLog.CallFailed(services.Logger, Method.FullName, status);
                break;
        }

        try
        {
            call.Complete(status, message, (exception as RpcException)?.Trailers);
        }
        catch (InvalidOperationException e)
        {
            // The response can no longer take trailers (the client reset the stream): nobody is listening.
            ServerLog.StatusNotSent(services.Logger, Method.FullName, e);
        }
    }
}
