// One version for the add-in: package.json's "version" (x.y.z) and manifest.xml's <Version>
// (x.y.z.0; Excel reloads functions.json only when it changes). tests/project/version.test.ts
// checks they agree, and that CHANGELOG.md's latest section is this version.
//
//   npm run version:bump -- minor        1.7.0 -> 1.8.0 (also major, patch, or an exact 2.0.0)
//   npm version minor                    npm bumps package.json, this script (the "version"
//                                        lifecycle script, with --sync) brings the manifest along
//
// Then say in CHANGELOG.md what the version changes for users.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const files = {
  package: path.join(root, "package.json"),
  lock: path.join(root, "package-lock.json"),
  manifest: path.join(root, "manifest.xml"),
};
const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;
const MANIFEST_VERSION = /<Version>[^<]*<\/Version>/;

/** The next version after `current` for "major", "minor", "patch" or an exact "x.y.z" (which must be higher). */
function nextVersion(current, how) {
  const m = SEMVER.exec(current);
  if (!m) throw new Error(`package.json's version "${current}" is not x.y.z`);
  const [major, minor, patch] = m.slice(1).map(Number);
  if (how === "major") return `${major + 1}.0.0`;
  if (how === "minor") return `${major}.${minor + 1}.0`;
  if (how === "patch") return `${major}.${minor}.${patch + 1}`;
  const exact = SEMVER.exec(how || "");
  if (!exact) throw new Error(`say how to bump: major, minor, patch or x.y.z (got "${how}")`);
  const order = (v) => v.split(".").map(Number).reduce((a, n) => a * 100000 + n, 0);
  if (order(how) <= order(current)) throw new Error(`${how} is not higher than the current ${current}`);
  return how;
}

/** The manifest's <Version> for a package version: x.y.z.0. */
const manifestVersion = (version) => `${version}.0`;

function writeJsonVersion(file, version, lock) {
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  json.version = version;
  if (lock && json.packages && json.packages[""]) json.packages[""].version = version;
  fs.writeFileSync(file, JSON.stringify(json, null, 2) + "\n");
}

function writeManifestVersion(version) {
  const xml = fs.readFileSync(files.manifest, "utf8");
  if (!MANIFEST_VERSION.test(xml)) throw new Error("manifest.xml has no <Version>");
  fs.writeFileSync(files.manifest, xml.replace(MANIFEST_VERSION, `<Version>${manifestVersion(version)}</Version>`));
}

module.exports = { nextVersion, manifestVersion };

if (require.main === module) {
  try {
    const current = JSON.parse(fs.readFileSync(files.package, "utf8")).version;
    const arg = process.argv[2];
    if (arg === "--sync") {
      writeManifestVersion(current);
      console.log(`manifest.xml: <Version>${manifestVersion(current)}</Version>, as package.json`);
    } else {
      const version = nextVersion(current, arg);
      writeJsonVersion(files.package, version, false);
      if (fs.existsSync(files.lock)) writeJsonVersion(files.lock, version, true);
      writeManifestVersion(version);
      console.log(`${current} -> ${version}: package.json, package-lock.json and manifest.xml (<Version>${manifestVersion(version)}</Version>).`);
      console.log(`Now add a "## ${version}" section at the top of CHANGELOG.md saying what changed for users.`);
    }
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
