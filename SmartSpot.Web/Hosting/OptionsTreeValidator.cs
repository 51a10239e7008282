using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SmartSpot.Web.Hosting;

/// <summary>Validates data annotations of an options object and of the SmartSpot objects nested in it (ValidateDataAnnotations stops at the top).</summary>
internal sealed class OptionsTreeValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Collect(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Collect(object value, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        failures.AddRange(results.Select(result => $"{path}:{string.Join(',', result.MemberNames)}: {result.ErrorMessage}"));
        foreach (var property in value.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length == 0
                && property.PropertyType.Namespace?.StartsWith("SmartSpot", StringComparison.Ordinal) == true
                && property.PropertyType.IsClass
                && property.GetValue(value) is { } child)
            {
                Collect(child, $"{path}:{property.Name}", failures);
            }
        }
    }
}
