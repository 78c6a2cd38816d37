using CredIr.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddCredIrGrpcHost();

var app = builder.Build();
app.MapGrpcInfrastructure();
await app.RunAsync();
