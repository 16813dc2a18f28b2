// Offline structural check of the add-in's XML manifest, for what Excel needs from this add-in
// (shared runtime, custom functions, every resid resolving, https only, URLs that point at files
// the build produces). `npm run validate` runs it when Microsoft's online validator cannot be
// reached, and tests/project/manifest.test.ts runs it always. It is no XSD validation.
const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const DEV_BASE_URL = "https://localhost:3000/";
const NAMESPACE = "CORZ";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_RESID_LENGTH = 32;
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;
const NOT_URL_ATTRIBUTES = /^(xmlns(:.*)?|xsi:type)$/;

/** The files the build puts in dist/ that the manifest may point at, relative to dist/. */
function buildOutputs(rootDir) {
  const assets = fs
    .readdirSync(path.join(rootDir, "assets"))
    .filter((f) => !f.startsWith("."))
    .map((f) => `assets/${f}`);
  return ["taskpane.html", "functions.js", "functions.json", "manifest.xml", "help/index.html", ...assets.sort()];
}

/** Every file under `dir` (a build's output), relative to it with "/" separators: what a build serves. */
function filesUnder(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join("/"));
}

/** Parses XML into a plain tree: { name, attrs, children, text }. */
function parseTree(xml) {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const convert = (items) =>
    items.flatMap((item) => {
      const name = Object.keys(item).find((k) => k !== ":@");
      if (name === undefined || name === "?xml") return [];
      if (name === "#text") return [{ name, attrs: {}, children: [], text: String(item[name]) }];
      return [{ name, attrs: item[":@"] || {}, children: convert(item[name]), text: "" }];
    });
  const top = convert(parser.parse(xml)).filter((n) => n.name !== "#text");
  return top[0];
}

function textOf(node) {
  return node ? node.children.filter((c) => c.name === "#text").map((c) => c.text).join("") : undefined;
}

function child(node, name) {
  return node ? node.children.find((c) => c.name === name) : undefined;
}

/** Every element below `node` (depth first) with the path of element names leading to it. */
function* walk(node, trail = []) {
  const here = [...trail, node.name];
  yield { node, trail: here };
  for (const c of node.children) if (c.name !== "#text") yield* walk(c, here);
}

function findAll(root, predicate) {
  return [...walk(root)].filter(({ node, trail }) => predicate(node, trail)).map(({ node }) => node);
}

const RESOURCE_KINDS = {
  images: ["bt:Images", "bt:Image"],
  urls: ["bt:Urls", "bt:Url"],
  shortStrings: ["bt:ShortStrings", "bt:String"],
  longStrings: ["bt:LongStrings", "bt:String"],
};

/** The kind of resource an element's resid must name. */
function expectedKind(elementName) {
  if (elementName === "bt:Image") return "images";
  if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(elementName)) return "urls";
  if (["Label", "Title", "Namespace"].includes(elementName)) return "shortStrings";
  if (elementName === "Description") return "longStrings";
  return undefined;
}

/**
 * Reads the parts of the manifest the checks and tests look at.
 * @param {string} xml
 */
function readManifest(xml) {
  const root = parseTree(xml);
  const overrides = child(root, "VersionOverrides");
  const resourcesNode = child(overrides, "Resources");
  const resources = {};
  for (const [kind, [group, item]] of Object.entries(RESOURCE_KINDS)) {
    resources[kind] = {};
    for (const r of (child(resourcesNode, group) || { children: [] }).children) {
      if (r.name === item && r.attrs.id !== undefined) resources[kind][r.attrs.id] = r.attrs.DefaultValue;
    }
  }
  const cf = overrides ? findAll(overrides, (n) => n.name === "ExtensionPoint" && n.attrs["xsi:type"] === "CustomFunctions")[0] : undefined;
  const residOf = (parent, name) => {
    const el = child(parent, name);
    const loc = name === "Namespace" ? el : child(el, "SourceLocation");
    return loc ? loc.attrs.resid : undefined;
  };
  const runtimes = overrides ? findAll(overrides, (n, trail) => n.name === "Runtime" && trail.includes("Runtimes")) : [];
  const requirementSets = findAll(root, (n, trail) => n.name === "Set" && trail.join("/") === "OfficeApp/Requirements/Sets/Set").map(
    (n) => ({ name: n.attrs.Name, minVersion: n.attrs.MinVersion }),
  );
  const taskpaneActions = overrides ? findAll(overrides, (n) => n.name === "Action" && n.attrs["xsi:type"] === "ShowTaskpane") : [];
  return {
    root,
    type: root ? root.attrs["xsi:type"] : undefined,
    id: textOf(child(root, "Id")),
    version: textOf(child(root, "Version")),
    hosts: (child(root, "Hosts") || { children: [] }).children.filter((h) => h.name === "Host").map((h) => h.attrs.Name),
    requirementSets,
    defaultSourceLocation: (child(child(root, "DefaultSettings"), "SourceLocation") || { attrs: {} }).attrs.DefaultValue,
    iconUrls: ["IconUrl", "HighResolutionIconUrl"].map((n) => (child(root, n) || { attrs: {} }).attrs.DefaultValue),
    supportUrl: (child(root, "SupportUrl") || { attrs: {} }).attrs.DefaultValue,
    runtimes: runtimes.map((r) => ({ resid: r.attrs.resid, lifetime: r.attrs.lifetime })),
    customFunctions: cf && {
      script: residOf(cf, "Script"),
      page: residOf(cf, "Page"),
      metadata: residOf(cf, "Metadata"),
      namespace: residOf(cf, "Namespace"),
    },
    functionFiles: overrides ? findAll(overrides, (n) => n.name === "FunctionFile").map((n) => n.attrs.resid) : [],
    taskpaneSources: taskpaneActions.map((a) => (child(a, "SourceLocation") || { attrs: {} }).attrs.resid),
    resources,
  };
}

/**
 * Checks a manifest and returns its problems (none when it passes), each with the rule broken.
 * @param {string} xml the manifest's text
 * @param {{ baseUrl?: string, served?: string[], namespace?: string }} [options]
 *   baseUrl: where the build is served (the dev server by default); served: the files there,
 *   relative to baseUrl (see buildOutputs); namespace: the custom functions' namespace.
 */
function checkManifest(xml, options = {}) {
  const baseUrl = options.baseUrl || DEV_BASE_URL;
  const namespace = options.namespace || NAMESPACE;
  const served = options.served;
  const problems = [];
  const report = (rule, message) => problems.push({ rule, message });

  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    report("xml", `not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`);
    return problems;
  }
  // XML forbids "--" inside a comment; some parsers let it pass, Office's tools do not.
  for (const [, comment] of xml.matchAll(/<!--([\s\S]*?)-->/g)) {
    if (comment.includes("--")) report("xml", `a comment contains "--", which XML forbids: <!--${comment.slice(0, 60)}...`);
  }
  const m = readManifest(xml);
  if (!m.root || m.root.name !== "OfficeApp" || m.type !== "TaskPaneApp") report("root", 'the root must be <OfficeApp xsi:type="TaskPaneApp">');

  if (!m.id || !GUID.test(m.id)) report("id", `<Id> must be a GUID, not "${m.id}"`);
  if (!m.version || !/^\d{1,5}(\.\d{1,5}){3}$/.test(m.version)) report("version", `<Version> must have four numeric parts, not "${m.version}"`);
  if (!m.hosts.includes("Workbook")) report("host", '<Hosts> must contain <Host Name="Workbook"/>');

  for (const set of ["SharedRuntime", "CustomFunctionsRuntime"]) {
    if (!m.requirementSets.some((s) => s.name === set)) report("requirements", `<Requirements> must include the ${set} set`);
  }

  // Resources: unique ids, 32 characters at most, strings within Office's limits.
  const seen = new Set();
  for (const [kind, entries] of Object.entries(m.resources)) {
    for (const [id, value] of Object.entries(entries)) {
      if (seen.has(id)) report("resources", `resource id "${id}" is defined twice`);
      seen.add(id);
      if (id.length > MAX_RESID_LENGTH) report("resources", `resource id "${id}" is longer than ${MAX_RESID_LENGTH} characters`);
      const limit = kind === "shortStrings" ? MAX_SHORT_STRING : kind === "longStrings" ? MAX_LONG_STRING : undefined;
      if (limit !== undefined && (value || "").length > limit) report("resources", `string "${id}" is longer than ${limit} characters`);
      if (value === undefined || value === "") report("resources", `resource "${id}" has no DefaultValue`);
    }
  }

  // Every resid names a resource of the right kind.
  for (const { node } of walk(m.root)) {
    const resid = node.attrs.resid;
    if (resid === undefined) continue;
    const kind = expectedKind(node.name);
    const kinds = Object.keys(m.resources).filter((k) => resid in m.resources[k]);
    if (kinds.length === 0) report("resid", `<${node.name} resid="${resid}"> names no resource`);
    else if (kind && !kinds.includes(kind)) report("resid", `<${node.name} resid="${resid}"> must name one of ${RESOURCE_KINDS[kind][0]}, not ${kinds.join(", ")}`);
  }

  // Every URL is https.
  for (const { node } of walk(m.root)) {
    const values = [...Object.entries(node.attrs).filter(([k]) => !NOT_URL_ATTRIBUTES.test(k)).map(([, v]) => v), textOf(node) || ""];
    for (const v of values) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !v.startsWith("https://")) {
        report("https", `<${node.name}> has a URL that is not https: ${v}`);
      }
    }
  }

  // Shared runtime: one long-lived runtime, and the functions' page, the function file and the
  // task pane all load that same page, or Excel starts separate runtimes.
  const runtime = m.runtimes[0];
  if (m.runtimes.length !== 1) report("runtime", `there must be exactly one <Runtime> in <Runtimes>, found ${m.runtimes.length}`);
  if (runtime && runtime.lifetime !== "long") report("runtime", `<Runtime> must have lifetime="long", not "${runtime.lifetime}"`);
  const cf = m.customFunctions;
  if (!cf) report("custom-functions", 'no <ExtensionPoint xsi:type="CustomFunctions">');
  else {
    for (const part of ["script", "page", "metadata", "namespace"]) {
      if (!cf[part]) report("custom-functions", `the CustomFunctions extension point has no ${part[0].toUpperCase() + part.slice(1)} resid`);
    }
    const ns = cf.namespace && m.resources.shortStrings[cf.namespace];
    if (cf.namespace && ns !== namespace) report("namespace", `the functions' namespace is "${ns}", expected "${namespace}"`);
  }
  if (runtime && runtime.resid) {
    const pages = [
      ["the CustomFunctions Page", cf && cf.page],
      ...m.functionFiles.map((r) => ["<FunctionFile>", r]),
      ...m.taskpaneSources.map((r) => ["the ShowTaskpane action", r]),
    ];
    for (const [what, resid] of pages) {
      if (resid !== runtime.resid) report("shared-runtime", `${what} must use the runtime's resid "${runtime.resid}", not "${resid}"`);
    }
  }

  // The URLs point at what the build produces.
  const url = (resid) => m.resources.urls[resid];
  const relative = (u) => (typeof u === "string" && u.startsWith(baseUrl) ? u.slice(baseUrl.length) : undefined);
  const expectFile = (what, u, file) => {
    if (relative(u) !== file) report("build-outputs", `${what} must be ${baseUrl}${file}, not ${u}`);
  };
  if (cf) {
    expectFile("the functions' Script", url(cf.script), "functions.js");
    expectFile("the functions' Metadata", url(cf.metadata), "functions.json");
    expectFile("the functions' Page", url(cf.page), "taskpane.html");
  }
  expectFile("<DefaultSettings><SourceLocation>", m.defaultSourceLocation, "taskpane.html");
  const icons = [...m.iconUrls, ...Object.values(m.resources.images)];
  for (const icon of icons) {
    const rel = relative(icon);
    if (rel === undefined || !rel.startsWith("assets/")) report("icons", `icon ${icon} must be served from ${baseUrl}assets/`);
  }
  if (served) {
    // What Office loads (pages, scripts, metadata, icons) and the help links it opens (the
    // SupportUrl, Get started's Learn more), where they are on the add-in's host.
    const loadedResids = [...walk(m.root)]
      .filter(({ node }) => ["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(node.name) && node.attrs.resid)
      .map(({ node }) => node.attrs.resid);
    const loaded = [m.defaultSourceLocation, m.supportUrl, ...icons, ...loadedResids.map(url)];
    for (const u of new Set(loaded)) {
      const rel = relative(u);
      if (rel !== undefined && !served.includes(rel)) report("build-outputs", `${u} points at ${rel}, which the build does not produce`);
    }
  }
  return problems;
}

module.exports = { checkManifest, readManifest, buildOutputs, filesUnder, DEV_BASE_URL, NAMESPACE };
