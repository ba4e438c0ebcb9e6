using MeshActors.Cli;

return await Meshctl.Build().Parse(args).InvokeAsync();
