using CredIr.Contracts.Services;
using CredIr.Grpc;
using CredIr.Incidents.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCredIrGrpcHost();
builder.AddIncidentServices();

var app = builder.Build();
app.MapGrpcService<IIncidentsService>();
app.MapGrpcInfrastructure();
await app.RunAsync();
