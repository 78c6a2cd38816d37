using CredIr.Hosting;
using CredIr.Recovery;
using RecoveryApi = CredIr.Contracts.V1.Recovery;

var builder = WebApplication.CreateBuilder(args);
builder.AddCredIrGrpcHost().RequireCallerIdentityOffLoopback();
builder.AddRecoveryServices();

var app = builder.Build();
app.MapGrpcService<RecoveryApi.RecoveryBase>();
app.MapGrpcInfrastructure();
await app.RunAsync();
