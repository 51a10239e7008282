using SmartSpot.Vision;

namespace SmartSpot.Cli;

/// <summary>Runs a command's work and turns every failure into one line on stderr and an exit code.</summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work(cancellationToken);
            return ExitCodes.Success;
        }
        catch (InvalidInputException error)
        {
            await Console.Error.WriteLineAsync($"error: {error.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {error.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception error)
        {
            await Console.Error.WriteLineAsync($"error: unexpected failure ({error.GetType().Name}: {error.Message}). Please report it with the command you ran.");
            return ExitCodes.Failed;
        }
    }
}
