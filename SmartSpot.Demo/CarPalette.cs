using OpenCvSharp;

namespace SmartSpot.Demo;

/// <summary>
/// Car paint colours (BGR) roughly as common as on real roads: mostly white, black, grey and silver; the colours are muted
/// as a camera sees metallic paint outdoors (the shipped model misreads cartoon-saturated blue and yellow as asphalt).
/// </summary>
internal static class CarPalette
{
    private static readonly (Scalar Colour, int Weight)[] Paints =
    [
        (new Scalar(232, 234, 236), 24), (new Scalar(28, 28, 30), 18), (new Scalar(72, 72, 75), 12),
        (new Scalar(180, 182, 186), 12), (new Scalar(125, 126, 130), 8), (new Scalar(40, 38, 170), 8),
        (new Scalar(35, 30, 110), 3), (new Scalar(112, 72, 46), 6), (new Scalar(85, 50, 30), 4),
        (new Scalar(60, 95, 50), 2), (new Scalar(130, 165, 190), 2), (new Scalar(50, 130, 170), 1),
    ];

    public static Scalar Pick(Random random)
    {
        var ticket = random.Next(Paints.Sum(paint => paint.Weight));
        foreach (var (colour, weight) in Paints)
        {
            if (ticket < weight) return Jitter(random, colour, 10);
            ticket -= weight;
        }
        throw new InvalidOperationException("The palette weights do not add up.");
    }

    /// <summary>Tinted dark glass.</summary>
    public static Scalar Glass(Random random) => Jitter(random, new Scalar(30, 28, 27), 5);

    public static Scalar Scale(Scalar colour, double factor) =>
        new(Math.Min(255, colour.Val0 * factor), Math.Min(255, colour.Val1 * factor), Math.Min(255, colour.Val2 * factor));

    private static Scalar Jitter(Random random, Scalar colour, int amount)
    {
        var shift = random.Next(-amount, amount + 1);
        return new Scalar(
            Math.Clamp(colour.Val0 + shift + random.Next(-3, 4), 0, 255),
            Math.Clamp(colour.Val1 + shift + random.Next(-3, 4), 0, 255),
            Math.Clamp(colour.Val2 + shift + random.Next(-3, 4), 0, 255));
    }
}
