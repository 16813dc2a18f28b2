// Runs the project's own CLI tools (webpack-cli, office-addin-*) with this node, without a
// shell, npx or a prompt: shared by start.mjs, stop.mjs and validate.mjs.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));

/** The JavaScript file of a package's command, e.g. bin("webpack-cli"). */
export function bin(pkg, command = pkg) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const field = JSON.parse(readFileSync(manifest, "utf8")).bin;
  const file = typeof field === "string" ? field : field?.[command];
  if (!file) throw new Error(`${pkg} has no "${command}" command`);
  return join(dirname(manifest), file);
}

/** The port the dev server uses (package.json config.dev_server_port, else 3000). */
export function devServerPort() {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return Number(pkg.config?.dev_server_port ?? 3000);
}

/** The environment for the office-addin-* tools. */
export function officeToolEnv(env = process.env) {
  return { ...env };
}

/** The file where start.mjs records the dev server it started, for stop.mjs. */
export function pidFile() {
  const tag = createHash("sha256").update(root).digest("hex").slice(0, 12);
  return join(tmpdir(), `corz-hpc-addin-dev-server-${tag}.json`);
}
