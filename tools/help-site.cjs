// The add-in's help site, written into the build by webpack (HostPlugin below): help/index.html
// (the manifest's SupportUrl: what the add-in is, every function, how to get started) and one
// page per custom function, help/functions/<ID>.html, which is the function's `@helpurl` (Excel's
// "Help on this function" opens it). The pages are made from functions.json, the metadata the
// build generates from the same JSDoc, so a function's help says what Excel's dialog says.
//
// The same plugin points the build at its host: every URL written for the dev server
// (https://localhost:3000/, in manifest.xml and in each `@helpurl`) is rewritten to the host the
// production build is for, in the manifest, functions.json and the pages.
const fs = require("fs");
const { Compilation, sources } = require("webpack");

const PLUGIN = "HostPlugin";

function escapeHtml(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Every function's `@returns` text by id, read from the JSDoc of the function files. */
function returnsById(files) {
  const out = {};
  for (const file of files) {
    for (const [block] of fs.readFileSync(file, "utf8").matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      const id = /@customfunction\s+([A-Z0-9_]+)/.exec(block);
      const returns = /@returns\s+([\s\S]*?)(?=\n\s*\*\s*@|\*\/)/.exec(block);
      if (id && returns) out[id[1]] = returns[1].replace(/\n\s*\*\s?/g, " ").trim();
    }
  }
  return out;
}

/** One HTML page of the help site; `up` is the relative path back to help/. */
function page(title, body, up) {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Static pages: no script at all, only the site's own style sheet.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'">`,
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="stylesheet" href="${up}help.css">`,
    "</head>",
    "<body>",
    "<main>",
    body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

const { signature } = require("./function-reference.cjs");

function functionPage(f, returns, version) {
  const params = f.parameters.length
    ? [
        "<h2>Arguments</h2>",
        "<dl>",
        ...f.parameters.map((p) => `<dt><code>${escapeHtml(p.name)}</code>${p.optional ? " (optional)" : ""}</dt><dd>${escapeHtml(p.description || "")}</dd>`),
        "</dl>",
      ]
    : ["<h2>Arguments</h2>", "<p>None.</p>"];
  const body = [
    `<p><a href="../index.html">CORZ HPC Deal Model help</a></p>`,
    `<h1>CORZ.${escapeHtml(f.name)}</h1>`,
    `<p>${escapeHtml(f.description || "")}</p>`,
    "<h2>Syntax</h2>",
    `<p><code>=${escapeHtml(signature(f))}</code></p>`,
    ...params,
    ...(returns ? ["<h2>Returns</h2>", `<p>${escapeHtml(returns)}</p>`] : []),
    "<h2>Errors</h2>",
    "<p>An argument the function cannot use gives <code>#VALUE!</code>, and a name or year the model does not have <code>#N/A</code>, each with a message that says why (hover over the cell's error); a calculation without an answer gives <code>#NUM!</code> or <code>#DIV/0!</code>.</p>",
    `<p class="foot">CORZ HPC Deal Model ${escapeHtml(version)}</p>`,
  ];
  return page(`CORZ.${f.name} — CORZ HPC Deal Model`, body.join("\n"), "../");
}

function indexPage(functions, version) {
  const body = [
    "<h1>CORZ HPC Deal Model help</h1>",
    "<p>An Excel add-in that models Core Scientific's HPC hosting contracts with CoreWeave: custom functions in the CORZ namespace and a task pane that builds live scenario sheets.</p>",
    "<h2>Getting started</h2>",
    "<p>Type <code>=CORZ.</code> in a cell to see the functions, or open the task pane from <b>Home &gt; Deal Model</b> to build the model's sheets for a scenario. " +
      "In Excel's Insert Function dialog, <b>Help on this function</b> opens the function's page below.</p>",
    "<p>Every default the model ships carries its source and as-of date: <code>=CORZ.DATA_AS_OF()</code> gives the data's as-of date, and the task pane's About panel shows it with the version.</p>",
    "<h2>Functions</h2>",
    "<ul>",
    ...functions.map((f) => `<li><a href="functions/${encodeURIComponent(f.id)}.html"><code>${escapeHtml(signature(f))}</code></a>: ${escapeHtml(f.description || "")}</li>`),
    "</ul>",
    `<p class="foot">CORZ HPC Deal Model ${escapeHtml(version)}</p>`,
  ];
  return page("CORZ HPC Deal Model help", body.join("\n"), "");
}

const CSS = [
  "body { font-family: 'Segoe UI', system-ui, sans-serif; margin: 0; color: #242424; line-height: 1.45; }",
  "main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }",
  "code { font-family: Consolas, 'Courier New', monospace; background: #f3f3f3; padding: 0 0.2em; }",
  "dt { font-weight: 600; margin-top: 0.6rem; }",
  "li { margin: 0.3rem 0; }",
  ".foot { color: #616161; margin-top: 2rem; font-size: 0.9em; }",
  "",
].join("\n");

/** Every file of the help site by its path in the build: help/index.html, help/help.css, help/functions/<ID>.html. */
function helpSite(metadata, returns, version) {
  const files = { "help/index.html": indexPage(metadata.functions, version), "help/help.css": CSS };
  for (const f of metadata.functions) files[`help/functions/${f.id}.html`] = functionPage(f, returns[f.id], version);
  return files;
}

/**
 * Writes the help site from the build's functions.json and rewrites `fromUrl` to `toUrl` in
 * every .xml, .json and .html the build emits (nothing is rewritten when they are equal).
 */
class HostPlugin {
  constructor({ functionFiles, fromUrl, toUrl, version }) {
    Object.assign(this, { functionFiles, fromUrl, toUrl, version });
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      // After the metadata plugin, the HTML plugin and the copied manifest have added their files.
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const metadata = compilation.getAsset("functions.json");
        if (!metadata) return; // the metadata plugin reported its errors already
        const site = helpSite(JSON.parse(metadata.source.source().toString()), returnsById(this.functionFiles), this.version);
        for (const [file, text] of Object.entries(site)) compilation.emitAsset(file, new sources.RawSource(text));
        if (this.fromUrl === this.toUrl) return;
        for (const asset of compilation.getAssets()) {
          if (!/\.(xml|json|html)$/.test(asset.name)) continue;
          const text = asset.source.source().toString();
          if (text.includes(this.fromUrl)) compilation.updateAsset(asset.name, new sources.RawSource(text.split(this.fromUrl).join(this.toUrl)));
        }
      });
    });
  }
}

module.exports = { HostPlugin, helpSite, returnsById };
