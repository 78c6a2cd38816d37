using CredIr.Containment;
using CredIr.Contracts.Services;
using CredIr.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddCredIrGrpcHost();
builder.AddContainmentServices();

var app = builder.Build();
app.MapGrpcService<IContainmentService>();
app.MapGrpcInfrastructure();
await app.RunAsync();
