/**
 * The production build as shipped (`webpack --mode production`, the run's shared build, see
 * tests/support/build.ts) produces what the manifest points at: taskpane.html loading both bundles (shared runtime), functions.js with
 * the CustomFunctions.associate calls, functions.json listing exactly the catalogue's functions,
 * the icons, and a manifest rewritten for the production host.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildOutputs, checkManifest, filesUnder } from "../../tools/manifest-check.cjs";
import { FUNCTIONS } from "../../src/taskpane/catalog";
import { BuildResult, root, sharedBuild } from "../support/build";

// Read in a child process: the config's plugins load outside jest's module sandbox.
const urlProd = spawnSync(process.execPath, ["-p", 'require("./webpack.config.js").urlProd'], { cwd: root, encoding: "utf8" }).stdout.trim();
let out: string;
let build: BuildResult;
/** webpack's statistics of the build: its errors and warnings. */
let stats: { errors: unknown[]; warnings: unknown[] };

const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

beforeAll(async () => {
  const shipped = await sharedBuild("shipped");
  build = shipped;
  out = build.dir;
  if (build.code === 0) stats = JSON.parse(fs.readFileSync(shipped.stats, "utf8")) as typeof stats;
}, 240000);

test("the production build succeeds without errors or warnings (webpack's \"compiled successfully\")", () => {
  expect([build.code, build.output]).toEqual([0, expect.anything()]);
  expect(stats.errors).toEqual([]);
  expect(stats.warnings).toEqual([]);
});

test("it emits every file the manifest points at", () => {
  const files = filesUnder(out);
  for (const f of buildOutputs(root)) expect(files).toContain(f);
  expect(files.filter((f) => f.startsWith("assets/")).length).toBeGreaterThanOrEqual(5);
});

test("functions.json lists exactly the catalogue's functions, in Excel's format", () => {
  const meta = JSON.parse(read("functions.json")) as {
    functions: Array<{ id: string; name: string; description: string; parameters: unknown[]; result: unknown }>;
  };
  expect(meta.functions.map((f) => f.id).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  for (const f of meta.functions) {
    expect(f.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(f.name).toBe(f.id);
    expect(f.description.length).toBeGreaterThan(0);
    expect(Array.isArray(f.parameters)).toBe(true);
    expect(f.result).toBeDefined();
  }
});

test("functions.js associates every function id with its implementation", () => {
  const js = read("functions.js");
  expect(js).toContain('CustomFunctions.associate("DEAL_REVENUE"');
  for (const f of FUNCTIONS) expect(js).toContain(`CustomFunctions.associate("${f.id}"`);
});

test("taskpane.html loads Office.js, then the task pane and the functions (shared runtime)", () => {
  const html = read("taskpane.html");
  const officeJs = html.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  const taskpane = html.search(/src="?taskpane\.js/);
  const functions = html.search(/src="?functions\.js/);
  expect(officeJs).toBeGreaterThanOrEqual(0);
  expect(taskpane).toBeGreaterThan(officeJs);
  expect(functions).toBeGreaterThan(officeJs);
  expect(html).toMatch(/id="?container"?/);
});

test("taskpane.html carries a Content-Security-Policy that allows only itself and Office's CDN", () => {
  const html = read("taskpane.html");
  const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html);
  expect(meta).not.toBeNull();
  const directives = new Map(
    meta![1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0] !== "")
      .map(([name, ...sources]) => [name, sources] as const),
  );
  // Everything falls back to default-src, which is the page's own origin.
  expect(directives.get("default-src")).toEqual(["'self'"]);
  const allowed = new Set(["'self'", "'none'", "https://appsforoffice.microsoft.com"]);
  for (const [name, sources] of directives) {
    for (const s of sources) {
      // Inline styles are Fluent UI's run-time CSS; data: URLs are its embedded images and fonts.
      const ok = allowed.has(s) || (name === "style-src" && s === "'unsafe-inline'") || ((name === "img-src" || name === "font-src") && s === "data:");
      expect([name, s, ok]).toEqual([name, s, true]);
    }
  }
  for (const name of ["script-src", "connect-src", "frame-src", "object-src"]) expect(directives.has(name)).toBe(true);
  expect(meta![1]).not.toMatch(/unsafe-eval|\*/);
});

test("the built manifest points at the production host and at files the build produced", () => {
  expect(urlProd).toMatch(/^https:\/\/.+\/$/);
  const xml = read("manifest.xml");
  expect(xml).not.toContain("localhost");
  expect(xml).toContain(`${urlProd}functions.json`);
  expect(checkManifest(xml, { baseUrl: urlProd, served: filesUnder(out) })).toEqual([]);
});
