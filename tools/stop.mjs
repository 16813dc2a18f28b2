// `npm stop`. On Windows and macOS: office-addin-debugging unloads the add-in and stops the dev
// server it started. Elsewhere: stops the dev server that `npm start` started (its pid is in a
// file in the temp directory), or says there is nothing to stop.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { bin, officeToolEnv, pidFile, root } from "./local-bin.mjs";

if (process.platform === "win32" || process.platform === "darwin") {
  const r = spawnSync(process.execPath, [bin("office-addin-debugging"), "stop", "manifest.xml"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: officeToolEnv(),
  });
  process.exit(r.status ?? 1);
}

const record = pidFile();
if (!existsSync(record)) {
  console.log("Nothing to stop: no dev server started by `npm start` is running.");
  process.exit(0);
}

let info;
try {
  info = JSON.parse(readFileSync(record, "utf8"));
} catch {
  rmSync(record, { force: true });
  console.log("Nothing to stop: the record of the dev server was unreadable and has been removed.");
  process.exit(0);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/** On Linux, make sure the pid still belongs to webpack before signalling it. */
function isOurServer(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("webpack");
  } catch {
    return !existsSync("/proc"); // no procfs to ask: trust the record
  }
}

if (!Number.isInteger(info.pid) || !alive(info.pid) || !isOurServer(info.pid)) {
  rmSync(record, { force: true });
  console.log(`Nothing to stop: the dev server started by \`npm start\` (pid ${info.pid}) is no longer running.`);
  process.exit(0);
}

process.kill(info.pid, "SIGTERM");
const until = Date.now() + 10000;
while (alive(info.pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
if (alive(info.pid)) {
  console.error(`The dev server (pid ${info.pid}) did not stop within 10 s.`);
  process.exit(1);
}
rmSync(record, { force: true });
console.log(`Stopped the dev server on port ${info.port} (pid ${info.pid}).`);
