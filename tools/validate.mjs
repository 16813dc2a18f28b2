// `npm run validate [-- <manifest.xml>] [-- --production]`: runs `office-addin-manifest validate`
// (Microsoft's online validation service) with a time limit and, always, the offline structural
// check in manifest-check.cjs. When the service cannot be reached (no network, CI) it says so and
// the offline check decides. `--production` checks the built dist/manifest.xml against the host it
// was built for (read from its task pane address), which must not be this machine or the scratch
// builds' never-resolving host.
// Exit code 1 when either check finds a problem.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { buildOutputs, checkManifest, filesUnder, readManifest, DEV_BASE_URL } from "./manifest-check.cjs";
import { bin, officeToolEnv, root } from "./local-bin.mjs";

const ONLINE_TIMEOUT_MS = 30000;
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const production = args.includes("--production") || args.includes("-p");
const manifestPath = resolve(root, args.find((a) => !a.startsWith("-")) ?? (production ? "dist/manifest.xml" : "manifest.xml"));

/** Runs the CLI; { status: "valid" | "invalid" | "unavailable", detail }. */
function validateOnline() {
  const cliArgs = [bin("office-addin-manifest"), "validate", manifestPath, ...(production ? ["--production"] : [])];
  return new Promise((done) => {
    const child = spawn(process.execPath, cliArgs, {
      cwd: root,
      env: officeToolEnv(),
      stdio: ["ignore", "pipe", "pipe"],
      timeout: ONLINE_TIMEOUT_MS,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (err) => done({ status: "unavailable", detail: `office-addin-manifest could not run: ${err.message}` }));
    child.on("close", (code, signal) => {
      const text = output.trim();
      if (signal) done({ status: "unavailable", detail: `no answer within ${ONLINE_TIMEOUT_MS / 1000} s` });
      else if (/Unable to contact the manifest validation service/i.test(text)) {
        const reason = text.split("\n").find((l) => /reason:|ENOTFOUND|ECONN|ETIMEDOUT/i.test(l)) ?? "no network";
        done({ status: "unavailable", detail: `Microsoft's validation service could not be reached: ${reason.trim()}` });
      } else if (/Unable to validate the manifest/i.test(text)) {
        done({ status: "unavailable", detail: `Microsoft's validation service did not answer: ${text.replace(/\s+/g, " ")}` });
      } else if (/The manifest is (not )?valid/i.test(text)) {
        done({ status: code === 0 ? "valid" : "invalid", detail: text });
      } else {
        const first = text.split("\n").find((l) => /error/i.test(l)) ?? text.split("\n")[0] ?? "";
        done({ status: "unavailable", detail: `office-addin-manifest failed (exit ${code}): ${first.trim()}` });
      }
    });
  });
}

/** The host a built manifest was built for: its task pane's address without "taskpane.html". */
function builtHost(xml) {
  const page = readManifest(xml).defaultSourceLocation || "";
  return page.endsWith("taskpane.html") ? page.slice(0, -"taskpane.html".length) : page;
}

function validateOffline() {
  const xml = readFileSync(manifestPath, "utf8");
  const baseUrl = production ? builtHost(xml) : DEV_BASE_URL;
  const dist = join(root, "dist");
  const served = production && existsSync(dist) ? filesUnder(dist) : buildOutputs(root);
  const problems = checkManifest(xml, { baseUrl, served });
  if (production && (baseUrl.startsWith(DEV_BASE_URL) || baseUrl === require("../webpack.config.js").urlProd)) {
    problems.push({ rule: "host", message: `built for ${baseUrl}, which no one else can reach: build with --env url=<the address dist/ is served from>` });
  }
  return problems;
}

if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} does not exist${production ? ": run `npm run build -- --env url=https://your.host/path/` first" : ""}.`);
  process.exit(1);
}
console.log(`Validating ${relative(root, manifestPath)}${production ? " for production" : ""}.`);
let failed = false;

const online = await validateOnline();
if (online.status === "unavailable") {
  console.log(`Online validation not done: ${online.detail}.`);
  console.log("Running the offline structural check instead (it is no full schema check: validate online before publishing).");
} else {
  console.log(`Online validation: the manifest is ${online.status}.`);
  if (online.detail) console.log(online.detail);
  failed ||= online.status === "invalid";
}

const problems = validateOffline();
if (problems.length === 0) {
  console.log("Offline structural check: no problems.");
} else {
  console.log(`Offline structural check: ${problems.length} problem(s):`);
  for (const p of problems) console.log(`  [${p.rule}] ${p.message}`);
  failed = true;
}

process.exit(failed ? 1 : 0);
