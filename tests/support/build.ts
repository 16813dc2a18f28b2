/**
 * Production builds for tests: `webpack --mode production` into a given folder, run in a child
 * process (the config's plugins load outside jest's module sandbox). Used by the build checks in
 * tests/project and by the browser tests in tests/e2e.
 */
import { spawn } from "child_process";
import * as path from "path";

export const root = path.join(__dirname, "..", "..");

export interface BuildResult {
  /** The folder the build wrote to. */
  readonly dir: string;
  /** webpack's exit code. */
  readonly code: number | null;
  /** webpack's stdout and stderr, interleaved. */
  readonly output: string;
}

/** Runs node with `args` in the project root; resolves with the exit code and all output. */
export function runNode(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/**
 * A production build into `dir` (an existing, preferably empty folder), with webpack `--env`
 * flags such as "preview" (also build preview.html). Never rejects on a failed build: check `code`.
 */
export async function productionBuild(dir: string, env: readonly string[] = []): Promise<BuildResult> {
  const cli = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  const { code, output } = await runNode([cli, "--mode", "production", "--output-path", dir, ...env.flatMap((e) => ["--env", e])]);
  return { dir, code, output };
}
