using CredIr.Eradication;
using CredIr.Hosting;
using EradicationApi = CredIr.Contracts.V1.Eradication;

var builder = WebApplication.CreateBuilder(args);
builder.AddCredIrGrpcHost().RequireCallerIdentityOffLoopback();
builder.AddEradicationServices();

var app = builder.Build();
app.MapGrpcService<EradicationApi.EradicationBase>();
app.MapGrpcInfrastructure();
await app.RunAsync();
