using MixFleet.Cli.Commands;

return await MixFleetCli.RunAsync(args);
