/**
 * manifest.xml gives Excel what this add-in needs: a shared runtime, the CORZ custom functions,
 * resids that resolve, https only, and URLs that point at files the build produces. The checks
 * live in tools/manifest-check.cjs (also run by `npm run validate`); each one is shown here to
 * pass on the real manifest and to fail on a manifest broken in that one way.
 */
import * as fs from "fs";
import * as path from "path";
import { buildOutputs, checkManifest, readManifest } from "../../tools/manifest-check.cjs";
import { NAMESPACE } from "../../src/taskpane/catalog";

const root = path.join(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const served = buildOutputs(root);
const manifest = readManifest(xml);
const url = (resid: string | undefined) => (resid === undefined ? undefined : manifest.resources.urls[resid]);

function pngSize(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file);
  expect(data.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

test("the manifest passes every structural check", () => {
  expect(checkManifest(xml, { served })).toEqual([]);
});

test("Id is a GUID and Version has four parts, with a note to bump it", () => {
  expect(manifest.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(manifest.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  const beforeVersion = xml.slice(0, xml.indexOf("<Version>"));
  const lastComment = beforeVersion.slice(beforeVersion.lastIndexOf("<!--"));
  expect(lastComment).toMatch(/bump/i);
  expect(lastComment).toContain("functions.json");
});

test("it is a task pane add-in for Excel that needs the shared runtime", () => {
  expect(manifest.type).toBe("TaskPaneApp");
  expect(manifest.hosts).toEqual(["Workbook"]);
  expect(manifest.requirementSets).toContainEqual({ name: "SharedRuntime", minVersion: "1.1" });
  expect(manifest.requirementSets).toContainEqual({ name: "CustomFunctionsRuntime", minVersion: "1.1" });
  expect(manifest.runtimes).toEqual([{ resid: "Taskpane.Url", lifetime: "long" }]);
});

test("every resid resolves to a resource", () => {
  const ids = new Set(Object.values(manifest.resources).flatMap((r) => Object.keys(r)));
  const resids = [...xml.matchAll(/\bresid="([^"]*)"/g)].map((m) => m[1]);
  expect(resids.length).toBeGreaterThan(10);
  expect(resids.filter((r) => !ids.has(r))).toEqual([]);
});

test("every URL is https", () => {
  const urls = [...xml.matchAll(/"([a-z][a-z0-9+.-]*:\/\/[^"]*)"|>([a-z][a-z0-9+.-]*:\/\/[^<]*)</gi)].map((m) => m[1] ?? m[2]);
  const notNamespaces = urls.filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
  expect(notNamespaces.length).toBeGreaterThan(5);
  expect(notNamespaces.filter((u) => !u.startsWith("https://"))).toEqual([]);
});

test("the custom functions load functions.js, functions.json and taskpane.html in the CORZ namespace", () => {
  const cf = manifest.customFunctions;
  expect(cf).toBeDefined();
  expect(url(cf?.script)).toBe("https://localhost:3000/functions.js");
  expect(url(cf?.metadata)).toBe("https://localhost:3000/functions.json");
  expect(url(cf?.page)).toBe("https://localhost:3000/taskpane.html");
  expect(manifest.resources.shortStrings[cf?.namespace ?? ""]).toBe("CORZ");
  expect(NAMESPACE).toBe("CORZ");
  for (const file of ["functions.js", "functions.json", "taskpane.html"]) expect(served).toContain(file);
  expect(manifest.defaultSourceLocation).toBe("https://localhost:3000/taskpane.html");
});

test("the task pane, the function file and the functions share one page", () => {
  expect(manifest.functionFiles).toEqual(["Taskpane.Url"]);
  expect(manifest.taskpaneSources).toEqual(["Taskpane.Url"]);
  expect(manifest.customFunctions?.page).toBe("Taskpane.Url");
});

test("every icon URL is a PNG in assets/ of the size the manifest says", () => {
  const sized: Array<[string | undefined, number]> = [
    [manifest.iconUrls[0], 32],
    [manifest.iconUrls[1], 64],
    ...[...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)].map((m): [string | undefined, number] => [
      manifest.resources.images[m[2]],
      Number(m[1]),
    ]),
  ];
  expect(sized.length).toBeGreaterThanOrEqual(5);
  for (const [iconUrl, size] of sized) {
    const rel = iconUrl?.replace("https://localhost:3000/", "") ?? "";
    expect(rel).toMatch(/^assets\/[^/]+\.png$/);
    expect(pngSize(path.join(root, rel))).toEqual({ width: size, height: size });
  }
});

type Mutation = [rule: string, what: string, mutate: (x: string) => string];
const mutations: Mutation[] = [
  ["xml", "a manifest that is not well-formed", (x) => x.replace("</OfficeApp>", "")],
  ["xml", 'a comment with "--" in it', (x) => x.replace("<!-- No AppDomains:", "<!-- npm run build -- --env url=x. No AppDomains:")],
  ["id", "an Id that is no GUID", (x) => x.replace(/<Id>[^<]*<\/Id>/, "<Id>corz-addin</Id>")],
  ["version", "a three-part Version", (x) => x.replace(/<Version>[^<]*<\/Version>/, "<Version>1.0.0</Version>")],
  ["requirements", "no SharedRuntime requirement", (x) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', "")],
  ["runtime", "a short-lived runtime", (x) => x.replace('lifetime="long"', 'lifetime="short"')],
  ["resid", "a resid that names nothing", (x) => x.replace('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="No.Such.String"/>')],
  ["resid", "a label that names a URL", (x) => x.replace('<Label resid="CorzGroup.Label"/>', '<Label resid="Taskpane.Url"/>')],
  ["resources", "a resource id over 32 characters", (x) => x.split("GetStarted.Title").join("GetStarted.Title.Far.Too.Long.For.Office")],
  ["https", "an http URL", (x) => x.replace('"https://localhost:3000/functions.json"', '"http://localhost:3000/functions.json"')],
  ["custom-functions", "no Metadata", (x) => x.replace(/<Metadata>[\s\S]*?<\/Metadata>/, "")],
  ["namespace", "another namespace", (x) => x.replace('id="Functions.Namespace" DefaultValue="CORZ"', 'id="Functions.Namespace" DefaultValue="CONTOSO"')],
  ["shared-runtime", "a function file on another page", (x) => x.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>')],
  ["build-outputs", "a script the build does not produce", (x) => x.replace("https://localhost:3000/functions.js", "https://localhost:3000/public/functions.js")],
  ["build-outputs", "an icon not in assets/", (x) => x.replace("assets/icon-80.png", "assets/icon-96.png")],
  ["build-outputs", "a SupportUrl to a page the build does not write", (x) => x.replace('<SupportUrl DefaultValue="https://localhost:3000/help/index.html"/>', '<SupportUrl DefaultValue="https://localhost:3000/help/"/>')],
  ["icons", "an icon from elsewhere", (x) => x.replace("https://localhost:3000/assets/icon-16.png", "https://localhost:3000/icon-16.png")],
];

test.each(mutations)("the check reports [%s] for %s", (rule, _what, mutate) => {
  const broken = mutate(xml);
  expect(broken).not.toBe(xml);
  expect(checkManifest(broken, { served }).map((p) => p.rule)).toContain(rule);
});

test("it asks for the least permission it needs: ReadWriteDocument because it uses Excel.run, and no other domains", () => {
  const permissions = [...xml.matchAll(/<Permissions>\s*([A-Za-z]+)\s*<\/Permissions>/g)].map((m) => m[1]);
  const usesExcelApi = /\bExcel\.run\s*\(/.test(fs.readFileSync(path.join(root, "src", "excel", "gateway.ts"), "utf8"));
  // The Excel JavaScript API needs ReadWriteDocument; without it, document settings alone need only Restricted.
  expect(permissions).toEqual([usesExcelApi ? "ReadWriteDocument" : "Restricted"]);
  expect(usesExcelApi).toBe(true);
  // Nothing the add-in navigates to, and no identity or Graph access requested.
  expect(xml).not.toMatch(/<AppDomains?>/);
  expect(xml).not.toMatch(/<WebApplicationInfo>/);
});
