/**
 * What the production bundles may contain, checked on the build output itself (the run's shared
 * production build as shipped, see tests/support/build.ts; not the sources):
 *
 * - no network at run time: no fetch, XMLHttpRequest, WebSocket, EventSource or sendBeacon in
 *   any bundle (Office.js, which talks to Office, is Microsoft's script loaded by the page and
 *   not part of our bundles; our chunks are loaded by webpack's runtime as script tags);
 * - no eval and no Function constructor, no exception;
 * - the task pane's first chunk leaves out what it does not need to paint: exceljs, the Monte
 *   Carlo engine, the plan builder and Office.js adapter (fetched at the first build), the
 *   secondary panels and the function catalogue (their own chunk).
 */
import * as fs from "fs";
import * as path from "path";
import { sharedBuild } from "../support/build";

interface Chunk {
  id: string | number;
  names: string[];
  files: string[];
  initial: boolean;
  entry: boolean;
  runtime: string[];
}
interface Stats {
  chunks: Chunk[];
  entrypoints: Record<string, { chunks: Array<string | number> }>;
  modules: Array<{ name: string; chunks: Array<string | number>; modules?: Array<{ name: string }> }>;
}

/** Network APIs a bundle must not use. */
const NETWORK: ReadonlyArray<[name: string, pattern: RegExp]> = [
  ["fetch", /(?:^|[^\w$.])fetch\s*\(|\.fetch\s*\(|\[\s*["']fetch["']\s*\]/],
  ["XMLHttpRequest", /\bXMLHttpRequest\b/],
  ["WebSocket", /\bWebSocket\b/],
  ["EventSource", /\bEventSource\b/],
  ["sendBeacon", /\bsendBeacon\b/],
  ["WebTransport / RTCPeerConnection", /\b(?:WebTransport|RTCPeerConnection)\b/],
];

/** Code from text: eval and the Function constructor in any spelling a minifier leaves. */
const EVAL = /(?:^|[^\w$.])eval\s*[()]|\bnew\s+Function\s*\(|(?:^|[^\w$.])Function\s*\(\s*["'`]|\bsetTimeout\s*\(\s*["'`]|\bsetInterval\s*\(\s*["'`]/g;

let out: string;
let stats: Stats;
let code = -1;
let output = "";

beforeAll(async () => {
  const r = await sharedBuild("shipped");
  out = r.dir;
  code = r.code ?? -1;
  output = r.output;
  if (code === 0) stats = JSON.parse(fs.readFileSync(r.stats, "utf8")) as Stats;
}, 240000);

const bundles = () => fs.readdirSync(out).filter((f) => f.endsWith(".js"));
const read = (f: string) => fs.readFileSync(path.join(out, f), "utf8");
const excerpt = (text: string, at: number) => text.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, " ");

test("the production build succeeds and emits the pane, the functions and their chunks", () => {
  expect(output).not.toMatch(/ERROR in/);
  expect(code).toBe(0);
  expect(bundles()).toEqual(expect.arrayContaining(["taskpane.js", "functions.js", "panels.js", "build.js"]));
});

test("no bundle uses a network API", () => {
  const found: string[] = [];
  for (const f of bundles()) {
    const text = read(f);
    for (const [name, re] of NETWORK) {
      const m = re.exec(text);
      if (m) found.push(`${f}: ${name} at …${excerpt(text, m.index)}…`);
    }
  }
  expect(found).toEqual([]);
});

test("the network scan sees fetch and XMLHttpRequest however minified, and not prefetch", () => {
  const hits = (s: string) => NETWORK.filter(([, re]) => re.test(s)).map(([n]) => n);
  expect(hits('a=fetch("https://x")')).toEqual(["fetch"]);
  expect(hits("window.fetch(u)")).toEqual(["fetch"]);
  expect(hits('self["fetch"](u)')).toEqual(["fetch"]);
  expect(hits("new XMLHttpRequest")).toEqual(["XMLHttpRequest"]);
  expect(hits("navigator.sendBeacon(u,d)")).toEqual(["sendBeacon"]);
  expect(hits('o.rel="prefetch",o.as="script"')).toEqual([]);
  expect(hits("prefetchChunk(e)")).toEqual([]);
});

test("no bundle evaluates text as code: no eval, no Function constructor, no string timers", () => {
  // webpack's own global-object helper would add `new Function("return this")`; the config's
  // explicit publicPath and node.global=false keep that helper out of every bundle.
  const found: string[] = [];
  for (const f of bundles()) {
    const text = read(f);
    for (const m of text.matchAll(EVAL)) found.push(`${f}: …${excerpt(text, m.index ?? 0)}…`);
  }
  expect(found).toEqual([]);
});

test("the eval scan sees eval, new Function and string timers, and not execUnsafeLocalFunction", () => {
  const hits = (s: string) => [...s.matchAll(EVAL)].length;
  expect(hits("eval(x)")).toBe(1);
  expect(hits("(0,eval)(x)")).toBe(1);
  expect(hits('new Function("a","return a")')).toBe(1);
  expect(hits('Function("return this")()')).toBe(1);
  expect(hits('setTimeout("alert(1)",0)')).toBe(1);
  expect(hits("MSApp.execUnsafeLocalFunction(function(){})")).toBe(0);
  expect(hits("x.evaluate(y)")).toBe(0);
  expect(hits("o.eval(y)")).toBe(0);
});

/** Every module (concatenated ones too) in the chunks of the `taskpane` entry point. */
function modulesInFirstLoad(entry: string): string[] {
  const ids = new Set(stats.entrypoints[entry].chunks.map(String));
  return stats.modules.filter((m) => m.chunks.some((c) => ids.has(String(c)))).flatMap((m) => [m.name, ...(m.modules ?? []).map((n) => n.name)]);
}

test("the task pane's first chunk leaves out exceljs, the Monte Carlo engine, the build, the secondary panels and the catalogue", () => {
  const first = modulesInFirstLoad("taskpane");
  expect(first.some((m) => m.includes("src/taskpane/App.tsx"))).toBe(true); // the check reads the right chunk
  const unwanted = [/node_modules\/exceljs\//, /src\/model\/risk\/montecarlo\.ts/, /src\/plan\/(?!a1\.ts|inputRules\.ts)/, /src\/excel\/apply\.ts/, /src\/xlsx\//, /src\/functions\//, /catalog\.generated\.json/, /components\/(PeersPanel|RiskPanel|FunctionBrowser|AssumptionsForm)\.tsx/];
  // The plan's A1 arithmetic (1 KB) is allowed: the pane places the sheet edits it shows by cell;
  // so are the plan's input rules (plain data and a check over the model's own assumption rule),
  // by which it reads the values kept on the Inputs sheet. Neither imports any other plan module.
  expect(first.filter((m) => unwanted.some((re) => re.test(m)))).toEqual([]);
});

test("the functions runtime carries no UI library and no exceljs", () => {
  const fns = modulesInFirstLoad("functions");
  expect(fns.some((m) => m.includes("src/functions/functions.ts"))).toBe(true);
  expect(fns.filter((m) => /node_modules\/(react|react-dom|@fluentui|exceljs)\//.test(m))).toEqual([]);
});
