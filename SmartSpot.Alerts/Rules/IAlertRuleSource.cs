namespace SmartSpot.Alerts.Rules;

/// <summary>Where the evaluator reads the current rules; asked on every evaluation, so edits apply at once.</summary>
public interface IAlertRuleSource
{
    IReadOnlyList<AlertRule> GetRules();
}
