using CredIr.Sandbox;

return await SandboxCommand.RunAsync(args);
