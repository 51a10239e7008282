namespace SmartSpot.Alerts.Evaluation;

/// <summary>Where an observation puts a rule: inside its condition, clearly outside it, or in the hysteresis band between.</summary>
internal enum ConditionSignal
{
    Inside,
    Between,
    Outside,
}
