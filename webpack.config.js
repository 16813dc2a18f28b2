// Builds the add-in into dist/: taskpane.html (which, with a shared runtime, also hosts the
// custom functions), functions.js on its own (the manifest's Functions.Script.Url),
// functions.json generated from the JSDoc of every file tools/function-files.cjs lists (the
// wrappers in src/functions/), the help site made from it (help/: tools/help-site.cjs), the
// icons and the manifest. `webpack serve` serves dist/ on https://localhost:3000.
//
// The manifest and each function's @helpurl are written for the dev server; a production build
// rewrites them to the host it is for: `npm run build -- --env url=https://host/path/` or
// CORZ_ADDIN_URL (hostUrl below; see Deployment in README.md).
//
// The preview page (preview.html: the real task pane beside an in-memory workbook, for trying the
// add-in without Excel) is built by development builds and the dev server, and by a production
// build only when asked (`--env preview`, as the browser tests do): its own entry, so none of it
// is in taskpane.js.
//
// Office.js: production pages load it from Microsoft's CDN (AppSource requires that). The dev
// server serves the copy in the @microsoft/office-js package at /office-js/ instead, so that
// `npm start` works offline; `--env officeJs=cdn` keeps the CDN there too.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FUNCTION_FILES } = require("./tools/function-files.cjs");
const { HostPlugin } = require("./tools/help-site.cjs");

const urlDev = "https://localhost:3000/";
// The host of a production build written somewhere other than dist/ without a URL (the tests'
// and the benchmark's builds into a scratch folder): a name under .invalid, which never resolves
// (RFC 2606), so such a build can never be deployed by mistake.
const urlProd = "https://corz-addin.invalid/";
// Where a production build for dist/ is served comes from `--env url=...` or this variable.
const URL_VARIABLE = "CORZ_ADDIN_URL";

const port = Number((require("./package.json").config || {}).dev_server_port || 3000);

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "/office-js/office.js";

/**
 * The Content-Security-Policy of the pages: everything only from the add-in's own origin and
 * Office's CDN (office.js loads its host scripts and strings from there), nothing else. Outside
 * Office, office.js also tries to frame and post to Microsoft's telemetry hosts; the policy
 * blocks that on purpose (the add-in's page sends nothing anywhere but its own origin and the CDN).
 * Fluent UI writes its styles at run time, hence 'unsafe-inline' for styles only. No eval:
 * production builds have no devtool, development builds use separate source-map files.
 * The preview page loads nothing from Microsoft, so it gets `cdn: false`.
 */
function contentSecurityPolicy({ cdn }) {
  const office = cdn ? " https://appsforoffice.microsoft.com" : "";
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${office}`,
    "worker-src 'self'",
    `frame-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

// office-addin-dev-certs makes a localhost certificate and installs its CA, which needs sudo on
// Linux and a keychain on macOS; where that cannot be done (CI, a container) it would throw or
// never settle, so the dev server falls back to webpack-dev-server's own self-signed certificate.
const CERT_TIMEOUT_MS = 30000;

async function devCertificates() {
  let timer;
  try {
    const devCerts = require("office-addin-dev-certs");
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${CERT_TIMEOUT_MS / 1000} s`)), CERT_TIMEOUT_MS);
    });
    const options = await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (err) {
    const reason = String((err && err.message) || err).split("\n")[0];
    console.warn(
      `office-addin-dev-certs could not provide a trusted localhost certificate (${reason}).\n` +
        "Serving with webpack-dev-server's self-signed certificate instead: browsers and Office will not trust it " +
        "until you accept it (open https://localhost:" + port + "/taskpane.html once) or run `npx office-addin-dev-certs install`.",
    );
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The address the build's pages are served from, ending in "/": the dev server's for a
 * development build; for a production build the one given by `--env url=https://host/path/` or
 * CORZ_ADDIN_URL. A production build for dist/ (what is deployed) without one, or with one that
 * is not https or points at this machine, stops with a message. A scratch build (`--env scratch`,
 * as the tests and `npm run bench` make: never deployed) gets the never-resolving urlProd.
 */
function hostUrl(env, dev) {
  // A message without a stack trace: the fault is in the command, not in the config.
  const refuse = (message) => Object.assign(new Error(message), { stack: message });
  if (dev) return urlDev;
  if (env.scratch) return urlProd;
  const given = env.url || process.env[URL_VARIABLE];
  if (!given) {
    throw refuse(
      "A production build needs the https address it will be served from, for the manifest and the help pages:\n" +
        `  npm run build -- --env url=https://your.host/corz-addin/   (or set ${URL_VARIABLE}=https://your.host/corz-addin/)\n` +
        "See Deployment in README.md.",
    );
  }
  const url = given.endsWith("/") ? given : `${given}/`;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse(`The production URL "${given}" is not a URL: give an https address such as https://your.host/corz-addin/.`);
  }
  if (parsed.protocol !== "https:") throw refuse(`The production URL "${given}" must be https (Office loads add-ins only over https).`);
  if (/^(localhost|127\.|\[::1\])/.test(parsed.host) || parsed.search || parsed.hash) {
    throw refuse(`The production URL "${given}" must be the public address of the folder dist/ is uploaded to (no localhost, query or fragment).`);
  }
  return url;
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const host = hostUrl(env, dev);
  // Certificates are only wanted by `webpack serve`; a build must not try to install a CA.
  const httpsOptions = env.WEBPACK_SERVE ? await devCertificates() : undefined;
  const preview = dev || Boolean(env.preview);
  // `--env officeJs=local` asks any build for the local address (the browser test of the real
  // office.js serves the package's copy there); the dev server uses it unless told `cdn`.
  const localOfficeJs = env.officeJs === "local" || (Boolean(env.WEBPACK_SERVE) && env.officeJs !== "cdn");

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTION_FILES,
      ...(preview ? { preview: "./src/preview/index.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
      // Chunks load relative to the page (every page is at the root): no run-time guess of the
      // public path, whose global lookup falls back to `new Function("return this")`.
      publicPath: "",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTION_FILES,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the task pane page is also the functions' page, so it loads both.
        chunks: ["taskpane", "functions"],
        chunksSortMode: "manual",
        officeJs: localOfficeJs ? OFFICE_JS_LOCAL : OFFICE_JS_CDN,
        csp: contentSecurityPolicy({ cdn: true }),
      }),
      ...(preview
        ? [
            new HtmlWebpackPlugin({
              filename: "preview.html",
              template: "./src/preview/preview.html",
              // The double first, then the task pane and the functions exactly as taskpane.html loads them.
              chunks: ["preview", "taskpane", "functions"],
              chunksSortMode: "manual",
              csp: contentSecurityPolicy({ cdn: false }),
            }),
          ]
        : []),
      // The help site (help/) from functions.json, and every dev-server URL rewritten to the host.
      new HostPlugin({ functionFiles: FUNCTION_FILES, fromUrl: urlDev, toUrl: host, version: require("./package.json").version }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          ...(preview ? [{ from: "src/preview/preview.css", to: "preview.css" }] : []),
        ],
      }),
    ],
    // The preview's Export .xlsx loads exceljs (its browser build, ~920 KB minified) on demand:
    // one chunk of its own, named so that the pane's size budget below can leave it out.
    ...(preview
      ? {
          optimization: {
            splitChunks: {
              cacheGroups: {
                previewExceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "preview-exceljs", chunks: "async", enforce: true },
              },
            },
          },
        }
      : {}),
    // No polyfill of Node's `global`: webpack's stand-in for it falls back to `new Function("return this")`.
    node: { global: false },
    performance: {
      // Budgets on the minified (not gzipped) JavaScript: the pane's first chunk is ~520 KB
      // (the secondary panels, dialogs and the build engine are chunks of their own) and
      // functions.js ~80 KB. About 100 KB of the first chunk is sourced data shipped for use
      // offline: the assumptions, the peers with their dated figures, and the deal library whose
      // median sets the renewal and re-letting rents. A build that outgrows the budget warns;
      // `npm run bench` reports gzip sizes.
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("preview-exceljs"),
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
    devServer: {
      port,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: [
        { directory: path.resolve(__dirname, "dist") },
        // office.js from the npm package, read from node_modules as it is (86 MB: never copied).
        ...(localOfficeJs ? [{ directory: path.dirname(require.resolve("@microsoft/office-js/dist/office.js")), publicPath: "/office-js", watch: false }] : []),
      ],
      server: httpsOptions ? { type: "https", options: httpsOptions } : { type: "https" },
    },
  };
};

module.exports.urlDev = urlDev;
module.exports.urlProd = urlProd;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
