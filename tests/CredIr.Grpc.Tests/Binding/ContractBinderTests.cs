using CredIr.Contracts.Services;
using CredIr.Grpc.Internal.Binding;
using CredIr.Grpc.Tests.Echo;
using CredIr.Grpc.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Grpc.Tests.Binding;

public sealed class ContractBinderTests
{
    [GrpcService("credir.test.v1.Echo", typeof(EchoReflection))]
    public interface IEchoWithoutChat
    {
        Task<EchoReply> SayAsync(EchoRequest request, CallContext context);

        IAsyncEnumerable<EchoReply> CountAsync(EchoRequest request, CallContext context);

        Task<EchoReply> CollectAsync(IAsyncEnumerable<EchoRequest> requests, CallContext context);
    }

    [GrpcService("credir.test.v1.Echo", typeof(EchoReflection))]
    public interface IEchoWithUnaryCount
    {
        Task<EchoReply> SayAsync(EchoRequest request, CallContext context);

        Task<EchoReply> CountAsync(EchoRequest request, CallContext context);

        Task<EchoReply> CollectAsync(IAsyncEnumerable<EchoRequest> requests, CallContext context);

        IAsyncEnumerable<EchoReply> ChatAsync(IAsyncEnumerable<EchoRequest> requests, CallContext context);
    }

    [Fact]
    public void Bind_MissingMethod_NamesTheRpcAndTheExpectedSignature()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ContractBinder.Bind(typeof(IEchoWithoutChat)));

        Assert.Contains("credir.test.v1.Echo/Chat", error.Message, StringComparison.Ordinal);
        Assert.Contains("IAsyncEnumerable<EchoReply> ChatAsync(IAsyncEnumerable<EchoRequest> requests, CallContext context)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_WrongShape_NamesTheRpcAndTheExpectedSignature()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ContractBinder.Bind(typeof(IEchoWithUnaryCount)));

        Assert.Contains("wrong signature for credir.test.v1.Echo/Count", error.Message, StringComparison.Ordinal);
        Assert.Contains("IAsyncEnumerable<EchoReply> CountAsync(EchoRequest request, CallContext context)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapGrpcService_ContractMissingAMethod_FailsAtStartUp()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddCredIrGrpc();
        builder.Services.AddSingleton<IEchoWithoutChat>(_ => throw new InvalidOperationException("never resolved"));
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<IEchoWithoutChat>());

        Assert.Contains("credir.test.v1.Echo/Chat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapGrpcService_NoImplementationRegistered_FailsAtStartUp()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddCredIrGrpc();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<IEchoService>());

        Assert.Contains("No implementation of IEchoService", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(IIdentificationService), "credir.v1.Identification")]
    [InlineData(typeof(IContainmentService), "credir.v1.Containment")]
    [InlineData(typeof(IEradicationService), "credir.v1.Eradication")]
    [InlineData(typeof(IRecoveryService), "credir.v1.Recovery")]
    [InlineData(typeof(IIncidentsService), "credir.v1.Incidents")]
    public void Bind_EveryCredIrContract_CoversEveryRpcOfItsService(Type contract, string service)
    {
        var description = ContractBinder.Bind(contract);

        Assert.Equal(service, description.Service.FullName);
        Assert.Equal(description.Service.Methods.Count, description.Methods.Count);
        Assert.Equal(description.Service.Methods.Count, contract.GetMethods().Length);
    }
}
