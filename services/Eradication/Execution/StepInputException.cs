namespace CredIr.Eradication.Execution;

/// <summary>A step the executor cannot carry out as written (a missing parameter): the step fails with this message, the others go on.</summary>
internal sealed class StepInputException(string message) : Exception(message);
