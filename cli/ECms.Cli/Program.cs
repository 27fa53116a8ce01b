using ECms.Cli;

return await EcmsCli.RunAsync(args, Console.Out, Console.Error);
