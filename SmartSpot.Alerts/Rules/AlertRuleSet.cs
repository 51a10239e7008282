using System.ComponentModel.DataAnnotations;

namespace SmartSpot.Alerts.Rules;

/// <summary>Rules held in memory and replaced as a whole (e.g. after the rule editor saves); safe to read while replaced.</summary>
/// <remarks>Refuses rules out of their [Range]s and duplicate ids with a message naming the rule.</remarks>
public sealed class AlertRuleSet(IEnumerable<AlertRule> rules) : IAlertRuleSource
{
    private IReadOnlyList<AlertRule> _rules = Checked(rules);

    public AlertRuleSet() : this([])
    {
    }

    public IReadOnlyList<AlertRule> GetRules() => Volatile.Read(ref _rules);

    public void Replace(IEnumerable<AlertRule> rules) => Volatile.Write(ref _rules, Checked(rules));

    private static AlertRule[] Checked(IEnumerable<AlertRule> rules)
    {
        var list = rules.ToArray();
        foreach (var rule in list)
        {
            var errors = new List<ValidationResult>();
            if (!Validator.TryValidateObject(rule, new ValidationContext(rule), errors, validateAllProperties: true))
            {
                throw new ArgumentException($"Rule '{rule.Id}': {string.Join(" ", errors.Select(error => error.ErrorMessage))}", nameof(rules));
            }
        }
        var duplicate = list.GroupBy(rule => rule.Id).FirstOrDefault(group => group.Count() > 1);
        return duplicate is null
            ? list
            : throw new ArgumentException($"Two rules share the id '{duplicate.Key}'; each rule needs its own id.", nameof(rules));
    }
}
