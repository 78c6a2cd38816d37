using CredIr.Contracts.Services;
using CredIr.Grpc;
using CredIr.Identification;

var builder = WebApplication.CreateBuilder(args);
builder.AddCredIrGrpcHost();
builder.AddIdentificationServices();

var app = builder.Build();
app.MapGrpcService<IIdentificationService>();
app.MapGrpcInfrastructure();
await app.RunAsync();
