using CredIr.Contracts.Services;
using CredIr.Eradication;
using CredIr.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddCredIrGrpcHost();
builder.AddEradicationServices();

var app = builder.Build();
app.MapGrpcService<IEradicationService>();
app.MapGrpcInfrastructure();
await app.RunAsync();
