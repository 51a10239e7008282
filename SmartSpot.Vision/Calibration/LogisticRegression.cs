using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace SmartSpot.Vision.Calibration;

/// <summary>
/// Binary logistic regression with an L2 penalty on the weights (not the bias), fitted with Math.NET Numerics' L-BFGS:
/// minimises Σ log(1 + e^z) − y·z + (λ/2)·‖w‖², z = w·x + b, divided by the number of rows (same minimum, tolerances that do not depend on it).
/// </summary>
public static class LogisticRegression
{
    private const double GradientTolerance = 1e-7;
    private const int MaximumIterations = 2_000;

    /// <summary>The weights and bias for <paramref name="rows"/> (each of the same length) labelled <paramref name="positive"/>.</summary>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> positive, double l2)
    {
        var length = rows[0].Length;
        var objective = ObjectiveFunction.Gradient(parameters => LossAndGradient(rows, positive, l2, parameters));
        var minimizer = new LimitedMemoryBfgsMinimizer(GradientTolerance, parameterTolerance: 1e-12, functionProgressTolerance: 1e-14, memory: 10, MaximumIterations);
        var result = minimizer.FindMinimum(objective, Vector<double>.Build.Dense(length + 1));
        var solution = result.MinimizingPoint.ToArray();
        return (solution[..length], solution[length]);
    }

    /// <summary>The probability 1 / (1 + e^−z), without overflow.</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static (double, Vector<double>) LossAndGradient(IReadOnlyList<double[]> rows, IReadOnlyList<bool> positive, double l2, Vector<double> parameters)
    {
        var length = rows[0].Length;
        var theta = parameters.AsArray() ?? parameters.ToArray();
        var gradient = new double[length + 1];
        var loss = 0.0;
        for (var row = 0; row < rows.Count; row++)
        {
            var x = rows[row];
            var z = theta[length];
            for (var i = 0; i < length; i++) z += theta[i] * x[i];
            var y = positive[row] ? 1.0 : 0.0;
            loss += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - y * z;
            var error = Sigmoid(z) - y;
            for (var i = 0; i < length; i++) gradient[i] += error * x[i];
            gradient[length] += error;
        }
        for (var i = 0; i < length; i++)
        {
            loss += 0.5 * l2 * theta[i] * theta[i];
            gradient[i] += l2 * theta[i];
        }
        var n = rows.Count;
        for (var i = 0; i <= length; i++) gradient[i] /= n;
        return (loss / n, Vector<double>.Build.Dense(gradient));
    }
}
