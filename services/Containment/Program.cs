using CredIr.Containment;
using CredIr.Hosting;
using ContainmentApi = CredIr.Contracts.V1.Containment;

var builder = WebApplication.CreateBuilder(args);
builder.AddCredIrGrpcHost().RequireCallerIdentityOffLoopback();
builder.AddContainmentServices();

var app = builder.Build();
app.MapGrpcService<ContainmentApi.ContainmentBase>();
app.MapGrpcInfrastructure();
await app.RunAsync();
