using CorsFunctions.Cli;

return await CliApplication.RunAsync(args, Console.Out, Console.Error, CancellationToken.None, environment: CliEnvironment.Process).ConfigureAwait(false);
