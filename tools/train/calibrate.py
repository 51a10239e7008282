"""Temperature scaling on the leave-one-lot-out predictions: the one number T that makes
softmax(logits / T) honest on lots the model has not seen (a crop given 0.6 right ~60 % of the time).

Reads the per-crop logits that run_lolo.sh saved for VARIANT (each direction: trained without a lot,
measured on all of it) and picks T by the goal itself: the smallest expected calibration error (ECE,
10 bins over 0.5-1), averaged over the three lots (each lot weighted equally; the likelihood-optimal T
is printed beside it). Prints the ECE before and after, per lot, and a reliability table. Pass the T to `train.py --temperature T` for the
shipped model: it is baked into the graph (`probabilities` = softmax(logits / T)).

Usage: calibrate.py VARIANT
"""
import json
import sys

import numpy as np

from lolo_table import LOTS, RUNS

TEMPERATURES = np.exp(np.linspace(np.log(0.25), np.log(8.0), 701))
BINS = 10


def lolo_predictions(variant: str) -> dict:
    """lot -> (logits [N,2], labels [N]) of the direction that left that lot out."""
    predictions = {}
    for lot in LOTS:
        logits = json.loads((RUNS / f"{variant}-without-{lot}.json").read_text())["validation"][0]["logits"]
        predictions[lot] = (np.array(list(logits.values()), dtype=np.float64),
                            np.array([crop.startswith("occupied/") for crop in logits], dtype=int))
    return predictions


def probabilities(logits: np.ndarray, temperature: float) -> np.ndarray:
    scaled = logits / temperature
    scaled -= scaled.max(axis=1, keepdims=True)
    exp = np.exp(scaled)
    return exp / exp.sum(axis=1, keepdims=True)


def negative_log_likelihood(logits, labels, temperature) -> float:
    p = probabilities(logits, temperature)[np.arange(len(labels)), labels]
    return float(-np.log(np.maximum(p, 1e-12)).mean())


def reliability(logits, labels, temperature) -> tuple:
    """(ECE, rows of (from, to, crops, accuracy, mean confidence)) over confidence bins 0.5-1."""
    p = probabilities(logits, temperature)
    confidence, right = p.max(axis=1), p.argmax(axis=1) == labels
    index = np.clip(((confidence - 0.5) * 2 * BINS).astype(int), 0, BINS - 1)
    rows, ece = [], 0.0
    for b in range(BINS):
        inside = index == b
        if inside.any():
            accuracy, mean = right[inside].mean(), confidence[inside].mean()
            ece += inside.sum() * abs(accuracy - mean)
            rows.append((0.5 + b / (2 * BINS), 0.5 + (b + 1) / (2 * BINS), int(inside.sum()), accuracy, mean))
    return ece / len(labels), rows


def main() -> None:
    variant = sys.argv[1]
    predictions = lolo_predictions(variant)

    def mean_nll(t):
        return np.mean([negative_log_likelihood(logits, labels, t) for logits, labels in predictions.values()])

    def mean_ece(t):
        return np.mean([reliability(logits, labels, t)[0] for logits, labels in predictions.values()])

    best = float(min(TEMPERATURES[::10], key=mean_ece))
    likeliest = float(min(TEMPERATURES, key=mean_nll))
    print(f"{variant}: temperature T = {best:.3f} (mean per-lot ECE {mean_ece(1.0):.2%} at T=1 -> {mean_ece(best):.2%}; "
          f"the likelihood-optimal T would be {likeliest:.3f}, mean NLL {mean_nll(1.0):.4f} -> {mean_nll(likeliest):.4f})")
    print("| lot left out | crops | ECE at T=1 | ECE at T |")
    print("|---|---|---|---|")
    for lot, (logits, labels) in predictions.items():
        print(f"| {lot} | {len(labels)} | {reliability(logits, labels, 1.0)[0]:.1%} | {reliability(logits, labels, best)[0]:.1%} |")
    all_logits = np.concatenate([l for l, _ in predictions.values()])
    all_labels = np.concatenate([y for _, y in predictions.values()])
    for t in (1.0, best):
        ece, rows = reliability(all_logits, all_labels, t)
        print(f"\nall three directions together, T = {t:.3f}: ECE {ece:.1%}")
        print("| confidence | crops | right | mean confidence |")
        print("|---|---|---|---|")
        for low, high, crops, accuracy, mean in rows:
            print(f"| {low:.2f}-{high:.2f} | {crops} | {accuracy:.1%} | {mean:.1%} |")


if __name__ == "__main__":
    main()
