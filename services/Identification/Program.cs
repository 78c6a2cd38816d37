using CredIr.Hosting;
using CredIr.Identification;
using IdentificationApi = CredIr.Contracts.V1.Identification;

var builder = WebApplication.CreateBuilder(args);
builder.AddCredIrGrpcHost().RequireCallerIdentityOffLoopback();
builder.AddIdentificationServices();

var app = builder.Build();
app.MapGrpcService<IdentificationApi.IdentificationBase>();
app.MapGrpcInfrastructure();
await app.RunAsync();
