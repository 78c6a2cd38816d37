using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace CredIr.Hosting.Internal;

/// <summary>
/// Binds each service's methods as Grpc.AspNetCore's own binder does (the generated BindService, the
/// handler found by name on the service type, its attributes as endpoint metadata), with one change:
/// a request body that does not parse as the method's message is INVALID_ARGUMENT naming the message.
/// Grpc.AspNetCore parses before any interceptor runs and answers such a body UNKNOWN, as if the server
/// had failed, when it was the caller's mistake.
/// </summary>
internal sealed class ValidatingServiceMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bind = BindMethod();
        if (bind is null)
        {
            return;
        }

        var binder = new Binder(context);
        bind.Invoke(null, [binder, null]);
    }

    private static MethodInfo? BindMethod()
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
            {
                return attribute.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .FirstOrDefault(m => m.Name == attribute.BindMethodName && m.GetParameters() is [{ ParameterType: var first }, _] && first == typeof(ServiceBinderBase));
            }
        }

        return null;
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            if (Handler<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext)) is var (invoker, metadata))
            {
                context.AddUnaryMethod(Strict(method), metadata, invoker);
            }
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            if (Handler<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)) is var (invoker, metadata))
            {
                context.AddServerStreamingMethod(Strict(method), metadata, invoker);
            }
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            if (Handler<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)) is var (invoker, metadata))
            {
                context.AddClientStreamingMethod(Strict(method), metadata, invoker);
            }
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            if (Handler<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)) is var (invoker, metadata))
            {
                context.AddDuplexStreamingMethod(Strict(method), metadata, invoker);
            }
        }

        /// <summary>
        /// The service's override of the method (a method the service does not override is bound too: the
        /// generated base answers UNIMPLEMENTED), as an open delegate, with the service's and method's attributes.
        /// </summary>
        private static (TDelegate Invoker, List<object> Metadata)? Handler<TDelegate>(string name, params Type[] parameters)
            where TDelegate : Delegate
        {
            var handler = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters);
            if (handler is null)
            {
                return null;
            }

            var metadata = new List<object>(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handler.GetCustomAttributes(inherit: true));
            return (handler.CreateDelegate<TDelegate>(), metadata);
        }

        private static Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
        {
            var original = method.RequestMarshaller;
            var message = $"the request body is not a valid {typeof(TRequest).Name} (a serialized protobuf message of {method.FullName}'s request type)";
            var request = new Marshaller<TRequest>(
                original.ContextualSerializer,
                deserializationContext =>
                {
                    try
                    {
                        return original.ContextualDeserializer(deserializationContext);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        throw new RpcException(new Status(StatusCode.InvalidArgument, message));
                    }
                });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, request, method.ResponseMarshaller);
        }
    }
}
