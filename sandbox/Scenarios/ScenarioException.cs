namespace CredIr.Sandbox.Scenarios;

/// <summary>A scenario the sandbox cannot load: names the file, the step or field, and what is wrong.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException()
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public static ScenarioException At(string source, string where, string what) => new($"scenario {source}: {where}: {what}");
}
