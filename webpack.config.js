// Builds the add-in into dist/: taskpane.html (which, with a shared runtime, also hosts the
// custom functions), functions.js on its own (the manifest's Functions.Script.Url),
// functions.json generated from the JSDoc in src/functions/functions.ts, the icons and the
// manifest. `webpack serve` serves dist/ on https://localhost:3000.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FUNCTION_FILES } = require("./tools/function-files.cjs");

const urlDev = "https://localhost:3000/";
// Where the production build is hosted: `npm run build` rewrites the manifest's URLs to it.
// A placeholder until there is a real host (it must be https and end with "/").
const urlProd = "https://www.contoso.com/corz-hpc-addin/";

const port = Number((require("./package.json").config || {}).dev_server_port || 3000);

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

function manifestFor(dev) {
  return (content) => (dev ? content : content.toString().split(urlDev).join(urlProd));
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  // Certificates are only wanted by `webpack serve`; a build must not try to install a CA.
  const httpsOptions = env.WEBPACK_SERVE ? await devCertificates() : undefined;

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTION_FILES,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
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
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: manifestFor(dev) },
        ],
      }),
    ],
    performance: {
      // Fluent UI makes the task pane bundle about 1 MB; it is loaded from localhost or a CDN once.
      maxAssetSize: 2 * 1024 * 1024,
      maxEntrypointSize: 2 * 1024 * 1024,
    },
    devServer: {
      port,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      server: httpsOptions ? { type: "https", options: httpsOptions } : { type: "https" },
    },
  };
};

module.exports.urlDev = urlDev;
module.exports.urlProd = urlProd;
