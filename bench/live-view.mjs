// Watches one analysis in headless Chromium and prints what the viewer got: displayed fps,
// lag from analysis to display (mean, p95) and the browser's decode time per frame, read from
// window.smartspotStats (kept by SmartSpot.Web's LiveFrame component). Run by bench/live-view.sh.
// Usage: node live-view.mjs PLAYWRIGHT_PACKAGE BASE_URL VIDEO MASK WATCH_SECONDS
import { createRequire } from "node:module";

const [packageDir, base, video, mask, watchSeconds] = process.argv.slice(2);
const { chromium } = createRequire(import.meta.url)(packageDir);
const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.setDefaultTimeout(120_000);
    await page.goto(base + "/");
    await page.waitForSelector(".drop-zone[data-ready=true] >> nth=1");
    await page.setInputFiles("[data-testid=video-input]", video);
    await page.waitForSelector("[data-testid=video-input-file]");
    await page.setInputFiles("[data-testid=mask-input]", mask);
    await page.waitForSelector("[data-testid=mask-input-file]");
    await page.click("[data-testid=start-button]");
    await page.waitForSelector("[data-testid=live-frame].shown");
    await page.evaluate(() => window.smartspotStats.reset());
    await page.waitForTimeout(Number(watchSeconds) * 1000);
    const stats = await page.evaluate(() => window.smartspotStats.summary());
    const spots = await page.textContent("[data-testid=total-count]");
    const speed = await page.textContent("[data-testid=processing-speed]").catch(() => "finished");
    console.log(JSON.stringify({ spots: Number(spots), analysis: speed, ...stats }));
} finally {
    await browser.close();
}
