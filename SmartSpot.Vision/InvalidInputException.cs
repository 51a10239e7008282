namespace SmartSpot.Vision;

/// <summary>Input the engine cannot work with; the message says what is wrong and what to do.</summary>
public sealed class InvalidInputException(string message, Exception? inner = null) : Exception(message, inner);
