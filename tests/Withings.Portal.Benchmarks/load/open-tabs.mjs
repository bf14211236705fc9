// Opens N tabs of one page in Debian's Chromium (TABS_PER_BROWSER tabs to a browser) and keeps them open (idle) until told to close: the "real client" of
// circuit-memory.sh. Prints "ready <circuits>" once every tab shows its interactive marker (or, for a page that renders
// no island, has loaded). With "link" as fifth argument, first links the sandbox's demo user through the playground (build the
// authorize2 URL, consent, callback), so that the tabs open as a visitor with a linked user; with "subscribed", also
// subscribes that user's inbox (what makes the playground host its one island, the deliveries). The setup tab is closed
// before the others open.
import { chromium } from "playwright-core";
import readline from "node:readline";

const [baseArgument, path, countText, marker, setup] = process.argv.slice(2);
const count = Number(countText);
// One Chromium keeps at most a few hundred connections to a host open (measured: a 1,000-tab run stalled at 364 sockets
// and about 400 tabs, the page loads queued in the browser while the portal still answered curl at once), so the tabs
// are spread over several browsers, each given the first one's cookies.
const tabsPerBrowser = Number(process.env.TABS_PER_BROWSER ?? 250);
const browsers = [];
const launch = async storageState => {
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--renderer-process-limit=8"],
    });
    browsers.push(browser);
    const context = await browser.newContext({ storageState });
    context.on("page", page => page.on("websocket", socket => { if (socket.url().includes("/_blazor")) sockets++; }));
    return context;
};
let sockets = 0;
let context = await launch(undefined);
let base = baseArgument;
if (setup === "link" || setup === "subscribed") {
    base = await linkDemoUser(setup === "subscribed");
}
const cookies = await context.storageState();
for (let i = 0; i < count; i++) {
    if (i > 0 && i % tabsPerBrowser === 0) {
        context = await launch(cookies);
    }
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: "load", timeout: 60_000 });
    // A page that renders an island (a server component marker) is ready once the island is interactive.
    if (marker && (await page.content()).includes('<!--Blazor:{"type":"server"')) {
        await page.locator(marker).first().waitFor({ timeout: 60_000 });
    }
    if ((i + 1) % 50 === 0) {
        console.error(`  ${i + 1} tabs open (${browsers.length} browser${browsers.length > 1 ? "s" : ""})`);
    }
}
console.log(`ready ${sockets}`);
readline.createInterface({ input: process.stdin }).once("line", async () => {
    await Promise.all(browsers.map(browser => browser.close()));
    process.exit(0);
});

/** The playground's flow as a visitor runs it; returns the origin the callback landed on (its cookie is set there). */
async function linkDemoUser(subscribe) {
    const page = await context.newPage();
    await page.goto(base + "/playground", { waitUntil: "load", timeout: 60_000 });
    await page.getByTestId("build-url").click({ timeout: 60_000 });
    await page.getByTestId("open-consent").click({ timeout: 60_000 });
    await page.getByRole("button", { name: "Allow this app" }).click({ timeout: 60_000 });
    await page.waitForURL("**/playground/callback**", { timeout: 60_000 });
    await page.getByTestId("timeline").waitFor({ timeout: 60_000 });
    const origin = new URL(page.url()).origin;
    if (subscribe) {
        await page.getByTestId("subscribe-inbox").click({ timeout: 60_000 });
        await page.getByTestId("inbox-subscribe-status").getByText("status 0").waitFor({ timeout: 60_000 });
    }
    await page.close();
    return origin;
}
