// `npm start`. On Windows and macOS: office-addin-debugging serves the add-in and sideloads
// manifest.xml into Excel. Elsewhere (Linux, CI) Excel cannot be sideloaded, so this serves the
// add-in on https://localhost:<port> with webpack-dev-server and says how to sideload it from
// another machine. Never reads standard input; `npm stop` ends what it started.
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import { bin, devServerPort, officeToolEnv, pidFile, root } from "./local-bin.mjs";

const port = devServerPort();
const url = `https://localhost:${port}/`;
const sideloadable = process.platform === "win32" || process.platform === "darwin";

function sideloadHelp() {
  return [
    "To use the add-in in Excel, sideload manifest.xml while this server runs:",
    "  Excel on the web: Insert > Add-ins > More Add-ins (or Home > Add-ins) > Upload My Add-in > manifest.xml",
    `    (the browser must reach ${url} and trust its certificate: open ${url}taskpane.html once).`,
    "  Excel on Windows or macOS: run `npx office-addin-debugging start manifest.xml` (or `npm start`) there.",
    `Without Excel at all: open ${url}preview.html to try the task pane beside an in-memory workbook (values computed`,
    "  in the page; no Excel, no network), `npm run workbook` writes the same scenario sheets, formulas live, to",
    "  corz-hpc-model.xlsx (opens in LibreOffice Calc too), and `npm run figures` prints each scenario's headline numbers.",
  ].join("\n");
}

/** Whether something already listens on the port (as webpack-dev-server would bind it). */
function portInUse(p) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (err) => resolve(err.code === "EADDRINUSE" ? true : err.code));
    probe.once("listening", () => probe.close(() => resolve(false)));
    probe.listen(p);
  });
}

/** Resolves true once the dev server answers for taskpane.html (after the first compile), false after `ms`. */
async function waitForPage(page, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      // The certificate may be self-signed: this only asks whether the page is served.
      const req = https.get(page, { rejectUnauthorized: false, timeout: 60000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.once("error", () => resolve(false));
      req.once("timeout", () => (req.destroy(), resolve(false)));
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

/** Runs a child, passes our termination signals on to it, and exits as it does. */
function runAndExit(command, args, options, onExit = () => {}) {
  const child = spawn(command, args, { cwd: root, ...options });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      stopping = true;
      child.kill(signal);
    });
  }
  child.on("error", (err) => {
    onExit();
    console.error(`Could not run ${args[0] ?? command}: ${err.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    onExit();
    if (signal) console.log(`Dev server stopped (${signal}).`);
    process.exit(code ?? (stopping || signal === "SIGTERM" || signal === "SIGINT" ? 0 : 1));
  });
  return child;
}

if (sideloadable) {
  // It starts `npm run dev-server`, waits for the port, sideloads the manifest and opens Excel.
  // Standard input is passed on only when there is a terminal to answer its questions.
  const stdin = process.stdin.isTTY ? "inherit" : "ignore";
  runAndExit(process.execPath, [bin("office-addin-debugging"), "start", "manifest.xml"], {
    stdio: [stdin, "inherit", "inherit"],
    env: officeToolEnv(),
  });
} else {
  console.log(
    `Excel cannot be sideloaded on ${process.platform}: Excel runs only on Windows, macOS and the web.\n` +
      `Serving the add-in on ${url} instead (webpack-dev-server, development build).\n`,
  );
  const busy = await portInUse(port);
  if (busy) {
    const why = busy === true ? "is already in use" : `cannot be used (${busy})`;
    console.error(
      `Port ${port} ${why}, so the add-in cannot be served on ${url}.\n` +
        "Stop whatever holds it (`npm stop` stops a dev server that `npm start` started) and run `npm start` again.",
    );
    process.exit(1);
  }

  const record = pidFile();
  const child = runAndExit(
    process.execPath,
    [bin("webpack-cli"), "serve", "--mode", "development"],
    { stdio: ["ignore", "inherit", "inherit"] },
    () => rmSync(record, { force: true }),
  );
  writeFileSync(record, JSON.stringify({ pid: child.pid, port, root, startedBy: process.pid }) + "\n");

  if (await waitForPage(`${url}taskpane.html`, 300000)) {
    console.log(`\nThe add-in is served on ${url} (taskpane.html, functions.js, functions.json, manifest.xml, preview.html).\n${sideloadHelp()}\n`);
    console.log("Stop it with Ctrl+C or `npm stop`.");
  }
}
