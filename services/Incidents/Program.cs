using CredIr.Hosting;
using CredIr.Incidents.Hosting;
using IncidentsApi = CredIr.Contracts.V1.Incidents;

var builder = WebApplication.CreateBuilder(args);
builder.AddCredIrGrpcHost();
builder.AddIncidentServices();

var app = builder.Build();
app.MapGrpcService<IncidentsApi.IncidentsBase>();
app.MapGrpcInfrastructure();
await app.RunAsync();
