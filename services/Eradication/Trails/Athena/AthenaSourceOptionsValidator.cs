using Microsoft.Extensions.Options;

namespace CredIr.Eradication.Trails.Athena;

/// <summary>Checks every configured Athena target at start, naming the key to fix.</summary>
internal sealed class AthenaSourceOptionsValidator : IValidateOptions<AthenaSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, AthenaSourceOptions options)
    {
        if (AthenaTargetRules.Problem(options.Resolve(null)!, static key => $"{AthenaSourceOptions.SectionName}:{key}") is { } problem)
        {
            return ValidateOptionsResult.Fail(problem);
        }

        foreach (var target in options.Names())
        {
            if (!AthenaTargetRules.IsTargetName(target))
            {
                return ValidateOptionsResult.Fail($"{AthenaSourceOptions.SectionName}:Targets:{target}: a target's name is 1 to 64 letters, digits, '.', '_' or '-'");
            }

            if (AthenaTargetRules.Problem(options.Resolve(target)!, key => $"{AthenaSourceOptions.SectionName}:Targets:{target}:{key}") is { } named)
            {
                return ValidateOptionsResult.Fail(named);
            }
        }

        return ValidateOptionsResult.Success;
    }
}
