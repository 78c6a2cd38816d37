using CredIr.Cli.Commands;

return await CliApp.RunAsync(args);
