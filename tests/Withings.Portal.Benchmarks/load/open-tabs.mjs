// Opens N tabs of one page in Debian's Chromium and keeps them open (idle) until told to close: the "real client" of
// circuit-memory.sh. Prints "ready <circuits>" once every tab shows its interactive marker (or, for a page that renders
// no island, has loaded). With "link" as fifth argument, first links the sandbox's demo user through the playground (build the
// authorize2 URL, consent, callback), so that the tabs open as a visitor with a linked user; that setup tab is closed
// before the others open.
import { chromium } from "playwright-core";
import readline from "node:readline";

const [baseArgument, path, countText, marker, setup] = process.argv.slice(2);
const count = Number(countText);
const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--renderer-process-limit=8"],
});
const context = await browser.newContext();
let base = baseArgument;
if (setup === "link") {
    base = await linkDemoUser();
}
let sockets = 0;
context.on("page", page => page.on("websocket", socket => { if (socket.url().includes("/_blazor")) sockets++; }));
for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: "load", timeout: 60_000 });
    // A page that renders an island (a server component marker) is ready once the island is interactive.
    if (marker && (await page.content()).includes('<!--Blazor:{"type":"server"')) {
        await page.locator(marker).first().waitFor({ timeout: 60_000 });
    }
    if ((i + 1) % 50 === 0) {
        console.error(`  ${i + 1} tabs open`);
    }
}
console.log(`ready ${sockets}`);
readline.createInterface({ input: process.stdin }).once("line", async () => {
    await browser.close();
    process.exit(0);
});

/** The playground's flow as a visitor runs it; returns the origin the callback landed on (its cookie is set there). */
async function linkDemoUser() {
    const page = await context.newPage();
    await page.goto(base + "/playground", { waitUntil: "load", timeout: 60_000 });
    await page.getByTestId("build-url").click({ timeout: 60_000 });
    await page.getByTestId("open-consent").click({ timeout: 60_000 });
    await page.getByRole("button", { name: "Allow this app" }).click({ timeout: 60_000 });
    await page.waitForURL("**/playground/callback**", { timeout: 60_000 });
    await page.getByTestId("timeline").waitFor({ timeout: 60_000 });
    const origin = new URL(page.url()).origin;
    await page.close();
    return origin;
}
