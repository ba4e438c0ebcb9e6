using System.CommandLine;
using MeshActors.Cli;

// On Ctrl+C or SIGTERM the running command is cancelled and given this long to clean up: time for
// 'meshctl demo' to stop its nodes gracefully (the default would cut it off after 2 s).
return await Meshctl.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) });
