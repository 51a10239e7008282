// Shows the JPEG frames .NET sends, one at a time, and reports tab visibility back.
// Per displayed frame it records the display time, the frame's analysis time and the browser's
// own time to decode it in window.smartspotStats, so that a benchmark can read fps and lag:
// window.smartspotStats.summary() -> { frames, fps, meanLagMs, p95LagMs, meanDecodeMs }.

const urls = new WeakMap();

const stats = window.smartspotStats ??= {
    frames: 0,
    samples: [],
    record(sequence, analysedAtMs, decodeMs) {
        const shownAtMs = Date.now();
        this.frames++;
        this.samples.push({ sequence, shownAtMs, lagMs: shownAtMs - analysedAtMs, decodeMs });
        if (this.samples.length > 600) {
            this.samples.splice(0, this.samples.length - 600);
        }
    },
    summary() {
        const s = this.samples;
        if (s.length < 2) {
            return { frames: this.frames, fps: 0, meanLagMs: s[0]?.lagMs ?? 0, p95LagMs: s[0]?.lagMs ?? 0, meanDecodeMs: s[0]?.decodeMs ?? 0 };
        }
        const seconds = (s[s.length - 1].shownAtMs - s[0].shownAtMs) / 1000;
        const lags = s.map(x => x.lagMs).sort((a, b) => a - b);
        return {
            frames: this.frames,
            fps: seconds > 0 ? (s.length - 1) / seconds : 0,
            meanLagMs: lags.reduce((a, b) => a + b, 0) / lags.length,
            p95LagMs: lags[Math.min(lags.length - 1, Math.floor(lags.length * 0.95))],
            meanDecodeMs: s.reduce((a, x) => a + x.decodeMs, 0) / s.length,
        };
    },
    reset() {
        this.frames = 0;
        this.samples = [];
    },
};

export function attach(img, dotnet) {
    const report = () => dotnet.invokeMethodAsync("OnVisibilityChanged", !document.hidden);
    document.addEventListener("visibilitychange", report);
    img._smartspotDetach = () => document.removeEventListener("visibilitychange", report);
    return !document.hidden;
}

export function detach(img) {
    img?._smartspotDetach?.();
    const url = urls.get(img);
    if (url) {
        URL.revokeObjectURL(url);
        urls.delete(img);
    }
}

// Resolves once the frame is decoded and on screen, so that .NET sends the next one only then.
export async function show(img, bytes, analysedAtMs, sequence) {
    const started = performance.now();
    const url = URL.createObjectURL(new Blob([bytes], { type: "image/jpeg" }));
    const previous = urls.get(img);
    img.src = url;
    urls.set(img, url);
    try {
        await img.decode();
    } catch {
        // A frame that fails to decode is skipped; the next one replaces it.
    }
    if (previous) {
        URL.revokeObjectURL(previous);
    }
    stats.record(sequence, analysedAtMs, performance.now() - started);
}
