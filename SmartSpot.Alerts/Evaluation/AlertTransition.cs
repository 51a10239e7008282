namespace SmartSpot.Alerts.Evaluation;

/// <summary>Whether a rule's condition began or ended.</summary>
public enum AlertTransition
{
    Fired,
    Cleared,
}
