/**
 * A production build for a named host (`--env url=...`) is deployable as it is: every URL in the
 * manifest and the help pages points at that host, nothing in the build points at this machine
 * or at a placeholder, every custom function has its help page there, and the manifest still
 * passes the structural checks. A production build for dist/ without a host, or with one Office
 * cannot load, stops with a message before building anything.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { checkManifest, filesUnder, readManifest } from "../../tools/manifest-check.cjs";
import { FUNCTIONS } from "../../src/taskpane/catalog";
import { BuildResult, DEPLOY_URL, root, sharedBuild } from "../support/build";

const HOST = DEPLOY_URL;
let out: string;
let build: BuildResult;

const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

/** Every absolute URL in a text: attribute values, element text and plain text. */
const urlsIn = (text: string) => [...text.matchAll(/\bhttps?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);

/** Schema namespaces in the manifest's xmlns attributes: names, never fetched. */
const XML_NAMESPACES = /^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//;

beforeAll(async () => {
  build = await sharedBuild("deploy");
  out = build.dir;
}, 600000);

test("the build for a named host succeeds", () => {
  expect(build.output).not.toMatch(/ERROR in/);
  expect(build.code).toBe(0);
});

test("every URL in the built manifest is on the host, and the manifest passes the structural checks", () => {
  const xml = read("manifest.xml");
  const urls = urlsIn(xml).filter((u) => !XML_NAMESPACES.test(u));
  expect(urls.length).toBeGreaterThan(8);
  expect(urls.filter((u) => !u.startsWith(HOST))).toEqual([]);
  expect(checkManifest(xml, { baseUrl: HOST, served: filesUnder(out) })).toEqual([]);
});

test("no file in the build names localhost, the old placeholder host or the scratch builds' host", () => {
  const texts = filesUnder(out).filter((f) => /\.(html|js|json|xml|css|txt)$/.test(f));
  expect(texts.length).toBeGreaterThan(40);
  const found = texts.flatMap((f) => {
    const text = read(f);
    return ["localhost", "127.0.0.1", "contoso", "corz-addin.invalid"].filter((bad) => text.includes(bad)).map((bad) => `${f}: ${bad}`);
  });
  expect(found).toEqual([]);
});

test("every custom function's helpUrl is its page on the host, and the page exists and names the function", () => {
  const meta = JSON.parse(read("functions.json")) as { functions: Array<{ id: string; helpUrl?: string }> };
  expect(meta.functions.map((f) => f.id).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  for (const f of meta.functions) {
    expect([f.id, f.helpUrl]).toEqual([f.id, `${HOST}help/functions/${f.id}.html`]);
    const page = read(`help/functions/${f.id}.html`);
    expect(page).toContain(`<h1>CORZ.${f.id}</h1>`);
    const description = FUNCTIONS.find((c) => c.id === f.id)?.description ?? "";
    expect(page).toContain(description.slice(0, 30).replace(/&/g, "&amp;").replace(/"/g, "&quot;"));
  }
});

test("the SupportUrl and Get started link open the help home, which links every function's page", () => {
  const manifest = readManifest(read("manifest.xml"));
  expect(manifest.supportUrl).toBe(`${HOST}help/index.html`);
  expect(manifest.resources.urls["GetStarted.LearnMoreUrl"]).toBe(`${HOST}help/index.html`);
  const home = read("help/index.html");
  for (const f of FUNCTIONS) expect(home).toMatch(new RegExp(`href="?functions/${f.id}\\.html`));
  expect(fs.existsSync(path.join(out, "help", "help.css"))).toBe(true);
});

describe("a production build refuses to build without a usable host", () => {
  const cli = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  // Into dist/ (the default output): the folder a deployment uploads. The config stops before
  // compiling, so dist/ is not touched.
  const buildDist = (...args: string[]) => {
    const env = { ...process.env };
    delete env.CORZ_ADDIN_URL;
    const r = spawnSync(process.execPath, [cli, "--mode", "production", ...args], { cwd: root, encoding: "utf8", env, timeout: 60000 });
    return { code: r.status, output: `${r.stdout}${r.stderr}` };
  };

  test("no URL: it says how to give one", () => {
    const r = buildDist();
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("--env url=");
    expect(r.output).toContain("CORZ_ADDIN_URL");
    expect(r.output).not.toMatch(/compiled/);
  });

  test.each([
    ["http://example.org/corz/", /must be https/],
    ["https://localhost:3000/", /no localhost/],
    ["not a url", /is not a URL/],
  ])("%s is refused", (url, message) => {
    const r = buildDist("--env", `url=${url}`);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(message);
    expect(r.output).not.toMatch(/compiled/);
  });
});
