using CredIr.Grpc.Internal.Server;
using Google.Protobuf;
using CredIr.Grpc.Reflection.V1;
using Alpha = CredIr.Grpc.Reflection.V1Alpha;

namespace CredIr.Grpc.Internal.Reflection;

/// <summary>
/// Server reflection over the mapped services. v1alpha is v1 under another package name, with the
/// same field numbers, so v1alpha messages are answered by re-reading their bytes as v1.
/// </summary>
internal sealed class ReflectionService(GrpcServiceRegistry registry) : IServerReflectionV1, IServerReflectionV1Alpha
{
    private ReflectionIndex? _index;
    private int _indexedServices = -1;

    public async IAsyncEnumerable<ServerReflectionResponse> ServerReflectionInfoAsync(IAsyncEnumerable<ServerReflectionRequest> requests, CallContext context)
    {
        await foreach (var request in requests.WithCancellation(context.CancellationToken).ConfigureAwait(false))
        {
            yield return Answer(request);
        }
    }

    async IAsyncEnumerable<Alpha.ServerReflectionResponse> IServerReflectionV1Alpha.ServerReflectionInfoAsync(
        IAsyncEnumerable<Alpha.ServerReflectionRequest> requests, CallContext context)
    {
        await foreach (var request in requests.WithCancellation(context.CancellationToken).ConfigureAwait(false))
        {
            var answer = Answer(ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()));
            yield return Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString());
        }
    }

    private ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var index = Index();
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var list = new ListServiceResponse();
                list.Service.AddRange(index.ServiceNames.Select(static name => new ServiceResponse { Name = name }));
                response.ListServicesResponse = list;
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, index.FindFile(request.FileByFilename), $"File not found: {request.FileByFilename}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(response, index.FindSymbol(request.FileContainingSymbol), $"Symbol not found: {request.FileContainingSymbol}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType when index.FindSymbol(request.AllExtensionNumbersOfType) is not null:
                // proto3 messages declare no extension ranges: the answer is an empty list.
                response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                response.ErrorResponse = Error(StatusCode.NotFound, "Extensions are not supported.");
                break;
            default:
                response.ErrorResponse = Error(StatusCode.InvalidArgument, "Empty reflection request.");
                break;
        }

        return response;
    }

    private static void SetFile(ServerReflectionResponse response, Google.Protobuf.Reflection.FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            response.ErrorResponse = Error(StatusCode.NotFound, notFound);
            return;
        }

        var files = new FileDescriptorResponse();
        files.FileDescriptorProto.AddRange(ReflectionIndex.WithDependencies(file));
        response.FileDescriptorResponse = files;
    }

    private static ErrorResponse Error(StatusCode status, string message) =>
        new() { ErrorCode = (int)status, ErrorMessage = message };

    private ReflectionIndex Index()
    {
        // Services are mapped at start-up; rebuild only if one was mapped after the last request.
        var services = registry.Services;
        if (_index is null || _indexedServices != services.Count)
        {
            _index = new ReflectionIndex(services.Select(static s => s.Service));
            _indexedServices = services.Count;
        }

        return _index;
    }
}
