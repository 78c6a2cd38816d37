using CredIr.Contracts.Services;
using CredIr.Grpc;
using CredIr.Recovery;

var builder = WebApplication.CreateBuilder(args);
builder.AddCredIrGrpcHost();
builder.AddRecoveryServices();

var app = builder.Build();
app.MapGrpcService<IRecoveryService>();
app.MapGrpcInfrastructure();
await app.RunAsync();
