namespace SmartSpot.Alerts.Rules;

/// <summary>The conditions a rule can watch.</summary>
public enum AlertKind
{
    /// <summary>The scope's free count is at or below <see cref="AlertRule.Threshold"/> (the lot is filling up).</summary>
    FreeAtOrBelow,

    /// <summary>The scope's free count is at or above <see cref="AlertRule.Threshold"/> (plenty of room again, or a row emptied).</summary>
    FreeAtOrAbove,

    /// <summary>A spot of the scope has been occupied for <see cref="AlertRule.Duration"/> or longer; one event pair per spot.</summary>
    Overstay,

    /// <summary>The scope's camera has been offline for <see cref="AlertRule.Duration"/> or longer.</summary>
    CameraOffline,
}
