using System.CommandLine;
using SmartSpot.Cli;

var root = new RootCommand("SmartSpot: which parking spots are free, from a lot camera video and a mask of its spots.")
{
    AnalyzeCommand.Create(),
    EvalCommand.Create(),
    CalibrateCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
