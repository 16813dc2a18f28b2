/**
 * Browser tests without Excel: the system's Chromium driven by playwright-core (which never
 * downloads a browser), the production build served from 127.0.0.1, and Microsoft's office.js
 * replaced by the double in browserOffice.ts. Nothing leaves the machine: every request that is
 * not to the local server or to the office.js address is aborted and recorded.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { BuildResult, SharedBuildName, sharedBuild } from "./build";

/** Where the pages load Office.js from (taskpane.html's script tag). */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const CHROMIUM_PATHS = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

/** The Chromium to drive: $CHROMIUM_PATH when set, else Debian's chromium package. */
export function findChromium(): string | undefined {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : CHROMIUM_PATHS;
  return candidates.find((p) => fs.existsSync(p));
}

/**
 * True when browser tests should run. Off CI a machine without Chromium skips them with a loud
 * notice; with CI=true a missing Chromium is a failure, never a skip.
 */
export function chromiumAvailable(): boolean {
  if (findChromium()) return true;
  const where = process.env.CHROMIUM_PATH ? `$CHROMIUM_PATH (${process.env.CHROMIUM_PATH})` : CHROMIUM_PATHS.join(" or ");
  if (process.env.CI === "true") {
    throw new Error(`CI=true but Chromium is not installed at ${where}: .ci/run must apt-get install chromium fonts-liberation`);
  }
  console.warn(
    `\n*** SKIPPING browser (e2e) tests: Chromium not found at ${where}.\n` +
      "*** Install it with `apt-get install --no-install-recommends chromium fonts-liberation`, or set CHROMIUM_PATH. ***\n",
  );
  return false;
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launches the system Chromium, headless. */
export async function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium is not installed (see chromiumAvailable)");
  // Required here, not imported at the top, so that a suite that skips never loads playwright.
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export interface StaticServer {
  /** The base URL, ending in "/": http://127.0.0.1:<port>/ */
  readonly url: string;
  /** Every request served: "GET /taskpane.html 200". */
  readonly log: readonly string[];
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Serves the files under `dir` (GET and HEAD only) on 127.0.0.1, on a port the system picks. */
export async function serveDirectory(dir: string): Promise<StaticServer> {
  const base = path.resolve(dir);
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    const done = (status: number, body?: Buffer | string, type = "text/plain; charset=utf-8") => {
      log.push(`${req.method} ${req.url} ${status}`);
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...(body === undefined ? {} : { "Content-Length": Buffer.byteLength(body) }) });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return done(405, "method not allowed");
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      return done(400, "bad path");
    }
    if (rel.includes("\0")) return done(400, "bad path");
    const file = path.resolve(base, `.${rel.endsWith("/") ? `${rel}index.html` : rel}`);
    if (file !== base && !file.startsWith(base + path.sep)) return done(403, "outside the served folder");
    fs.readFile(file, (err, data) => (err ? done(404, "not found") : done(200, data, contentType(file))));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The run's shared production build `name` (tests/support/build.ts), by default the one with the
 * preview page (`--env preview`), once it has finished. Rejects, with webpack's output, when the
 * build failed. Shared by every browser suite: none may change or delete it.
 */
export async function buildDist(name: SharedBuildName = "preview"): Promise<BuildResult> {
  const r = await sharedBuild(name);
  if (r.code !== 0 || /ERROR in/.test(r.output)) throw new Error(`the production build "${name}" failed (exit ${r.code}):\n${r.output}`);
  return r;
}

/**
 * The Office/Excel/CustomFunctions double (tests/support/browserOffice.ts and what it imports)
 * bundled into one classic script for the page, by esbuild (installed as a dependency of tsx).
 */
export function officeDoubleScript(): string {
  const esbuild = require("esbuild") as typeof import("esbuild");
  const r = esbuild.buildSync({
    entryPoints: [path.join(__dirname, "browserOffice.ts")],
    bundle: true,
    format: "iife",
    globalName: "__officeDoubleModule",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return r.outputFiles[0].text;
}

export interface Isolation {
  /** Requests aborted because they would have left the machine. */
  readonly blocked: readonly string[];
  /** How many times office.js was answered with the double. */
  readonly officeJsServed: () => number;
}

/**
 * Answers office.js with `officeScript` (after `prelude`, e.g. setting window.__officeDoubleOptions)
 * and aborts every other request that is not to 127.0.0.1, recording it.
 */
export async function isolate(context: BrowserContext, officeScript: string, prelude = ""): Promise<Isolation> {
  const blocked: string[] = [];
  let served = 0;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      served++;
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: `${prelude}\n${officeScript}` });
    }
    const { protocol, hostname } = new URL(url);
    if ((protocol === "http:" || protocol === "https:") && hostname !== "127.0.0.1") {
      blocked.push(url);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  return { blocked, officeJsServed: () => served };
}

/**
 * What went wrong on a page, as it happens: uncaught errors, and console errors (and warnings,
 * unless `warnings` is false), each with where it came from. A test asserts the list is empty.
 */
export function recordProblems(page: Page, { warnings = true } = {}): string[] {
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.stack ?? err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" || (warnings && msg.type() === "warning")) problems.push(`console.${msg.type()}: ${msg.text()} (${msg.location().url})`);
  });
  return problems;
}

/** Opens `url` and waits for the pane's heading; if it never shows, says why: the page's problems and what it requested. */
export async function openPane(page: Page, url: string, why: { problems: readonly string[]; server: StaticServer; isolation: Isolation }): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  try {
    await page.getByRole("heading", { level: 1, name: "CORZ HPC Deal Model", exact: true }).waitFor({ timeout: 30_000 });
  } catch (e) {
    const detail = JSON.stringify({ problems: why.problems, requests: why.server.log, blocked: why.isolation.blocked }, null, 2);
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${detail}`);
  }
}

/** Width and height of a PNG, from its IHDR chunk; throws if `data` is not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature) || data.toString("latin1", 12, 16) !== "IHDR") {
    throw new Error("not a PNG");
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** axe-core's impact levels, worst first. */
export const AXE_IMPACTS = ["critical", "serious", "moderate", "minor"] as const;
export type AxeImpact = (typeof AXE_IMPACTS)[number];

export interface AxeReport {
  /** How many violations (rules broken, each counted once however many elements break it) of each impact. */
  readonly counts: Record<AxeImpact, number>;
  /**
   * Each violation: its rule, impact, what it asks for and the first elements that break it.
   * `tabsterOnly`: every element breaking it is one of Tabster's focus-trap elements
   * (`<i data-tabster-dummy tabindex="0" aria-hidden="true">`, which Fluent UI puts in the page
   * itself and which pass the focus on the moment they get it; microsoft/tabster#288), none ours.
   * Fluent's Dialog creates Tabster's modalizer when it mounts, and with Tab not controlled by
   * Tabster (Fluent's setting) the modalizer adds these elements at the ends of <body>. Tabster's
   * maintainer calls them intentional, and Microsoft's Accessibility Insights suppresses this
   * rule on them (microsoft/accessibility-insights-web pull request 7605).
   */
  readonly violations: readonly { id: string; impact: string; help: string; targets: string[]; tabsterOnly: boolean }[];
}

/**
 * Runs axe-core (node_modules/axe-core/axe.min.js) on the page as it is now, over `include`
 * (CSS selectors; the whole document when empty) less `exclude`. The script is evaluated through
 * the DevTools protocol, not added as a <script>, so the pages' Content-Security-Policy
 * (script-src 'self') stays as it is and no violation report is raised.
 */
export async function runAxe(page: Page, { include = [], exclude = [] }: { include?: string[]; exclude?: string[] } = {}): Promise<AxeReport> {
  if (!(await page.evaluate(() => "axe" in window))) {
    const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    await page.evaluate(`${source}\n;void 0;`);
  }
  const violations = await page.evaluate(
    async ({ include, exclude }) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; where?: string; tabster?: boolean }[] }[] }> } }).axe;
      const context = { ...(include.length > 0 ? { include: include.map((s) => [s]) } : {}), exclude: exclude.map((s) => [s]) };
      const r = await axe.run(include.length > 0 || exclude.length > 0 ? context : document, { resultTypes: ["violations"] });
      // Where each element is: its parent's tag, id, classes and first attributes, to find whose markup it is.
      for (const v of r.violations)
        for (const n of v.nodes) {
          const e = typeof n.target[0] === "string" ? document.querySelector(n.target[0]) : null;
          const p = e?.parentElement;
          n.tabster = e?.hasAttribute("data-tabster-dummy") === true;
          n.where = p ? `<${p.tagName.toLowerCase()} ${[...p.attributes].map((a) => `${a.name}="${a.value.slice(0, 40)}"`).join(" ")}>` : "?";
        }
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? "minor",
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} in ${n.where}`),
        tabsterOnly: v.id === "aria-hidden-focus" && v.nodes.every((n) => n.tabster),
      }));
    },
    { include, exclude },
  );
  const counts = Object.fromEntries(AXE_IMPACTS.map((i) => [i, violations.filter((v) => v.impact === i).length])) as Record<AxeImpact, number>;
  return { counts, violations };
}

/** Waits until no animation runs in the page (a dialog's fade-in changes the contrast axe measures). */
export async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, { timeout: 5_000 });
}

/** "critical 0, serious 0, moderate 1 (region), minor 0": a report's counts, with the rules broken. */
export function axeSummary(r: AxeReport): string {
  return AXE_IMPACTS.map((i) => {
    const ids = r.violations.filter((v) => v.impact === i).map((v) => (v.tabsterOnly ? `${v.id} on Fluent's own Tabster focus-trap elements only, ${v.targets.join(" ")}` : v.id));
    return `${i} ${r.counts[i]}${ids.length > 0 ? ` (${ids.join(", ")})` : ""}`;
  }).join(", ");
}

/**
 * The serious and critical violations of a report (what must be none), less one that only
 * Tabster's focus-trap elements break (Fluent UI's own markup, not ours: see AxeReport); that one
 * is still counted, and printed by axeSummary.
 */
export const seriousViolations = (r: AxeReport) => r.violations.filter((v) => (v.impact === "serious" || v.impact === "critical") && !v.tabsterOnly);

/**
 * What lies over the middle of `selector`'s box, above the element itself: each covering
 * element with its background colour and opacity. Nothing, or only see-through layers (a dimmed
 * backdrop), means the element can be seen; an opaque layer hides it. `inDialog`: the layer is
 * (part of) an open dialog's own box, which covers what is under it by design.
 */
export async function layersOver(page: Page, selector: string): Promise<{ element: string; background: string; opacity: number; seeThrough: boolean; inDialog: boolean }[]> {
  return page.evaluate((sel) => {
    const target = document.querySelector(sel);
    if (!target) throw new Error(`no element ${sel}`);
    const r = target.getBoundingClientRect();
    const stack = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const at = stack.findIndex((e) => target.contains(e));
    const above = at < 0 ? stack : stack.slice(0, at);
    return above.map((e) => {
      const style = getComputedStyle(e);
      const alpha = /rgba?\(([^)]*)\)/.exec(style.backgroundColor)?.[1].split(/[ ,/]+/).filter(Boolean)[3];
      const opacity = Number(style.opacity);
      const seeThrough = (alpha === undefined ? 1 : Number(alpha)) * opacity < 0.9 || style.backgroundColor === "transparent";
      const inDialog = e.closest('[role="dialog"], [role="alertdialog"]') !== null;
      return { element: `${e.tagName.toLowerCase()}.${String(e.className).split(" ").slice(0, 3).join(".")}`, background: style.backgroundColor, opacity, seeThrough, inDialog };
    });
  }, selector);
}
