using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Alerts;

/// <summary>Refuses settings outside their [Range]s and patterns where a delivery or the evaluator is built, naming the setting.</summary>
internal static class OptionsCheck
{
    public static T Checked<T>(T options, string section) where T : class
    {
        Require(options, section);
        return options;
    }

    public static void Require(object options, string section)
    {
        var errors = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true)) return;
        var lines = errors.Select(error => $"{section}:{string.Join(',', error.MemberNames)}: {error.ErrorMessage}");
        throw new ArgumentException(string.Join(Environment.NewLine, lines), nameof(options));
    }
}
