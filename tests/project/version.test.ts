/**
 * One version for the add-in: package.json's x.y.z is the manifest's <Version> x.y.z.0, the
 * latest section of CHANGELOG.md is that version, and `npm run version:bump` computes the next
 * one as it says.
 */
import * as fs from "fs";
import * as path from "path";
import { readManifest } from "../../tools/manifest-check.cjs";
import { manifestVersion, nextVersion } from "../../tools/version.cjs";

const root = path.join(__dirname, "..", "..");
const read = (f: string) => fs.readFileSync(path.join(root, f), "utf8");
const pkg = JSON.parse(read("package.json")) as { version: string; scripts: Record<string, string> };

test("package.json, package-lock.json and the manifest carry one version", () => {
  expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(readManifest(read("manifest.xml")).version).toBe(`${pkg.version}.0`);
  expect(manifestVersion(pkg.version)).toBe(`${pkg.version}.0`);
  const lock = JSON.parse(read("package-lock.json")) as { version: string; packages: Record<string, { version?: string }> };
  expect([lock.version, lock.packages[""].version]).toEqual([pkg.version, pkg.version]);
});

test("CHANGELOG.md's latest section is this version, and the versions run downwards", () => {
  const versions = [...read("CHANGELOG.md").matchAll(/^## (\d+\.\d+\.\d+)\b/gm)].map((m) => m[1]);
  expect(versions[0]).toBe(pkg.version);
  const order = (v: string) => v.split(".").reduce((a, n) => a * 1000 + Number(n), 0);
  expect(versions.map(order)).toEqual([...versions.map(order)].sort((a, b) => b - a));
  expect(new Set(versions).size).toBe(versions.length);
});

test("the bump computes the next version, and refuses a lower one or nonsense", () => {
  expect(nextVersion("1.7.0", "minor")).toBe("1.8.0");
  expect(nextVersion("1.7.3", "patch")).toBe("1.7.4");
  expect(nextVersion("1.7.3", "major")).toBe("2.0.0");
  expect(nextVersion("1.7.0", "1.10.0")).toBe("1.10.0");
  expect(() => nextVersion("1.7.0", "1.6.9")).toThrow(/not higher/);
  expect(() => nextVersion("1.7.0", "bigger")).toThrow(/major, minor, patch/);
});

test("npm version and npm run version:bump both move the manifest with package.json", () => {
  expect(pkg.scripts["version:bump"]).toBe("node tools/version.cjs");
  expect(pkg.scripts.version).toContain("tools/version.cjs --sync");
});
