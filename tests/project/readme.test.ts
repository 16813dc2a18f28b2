/** The README's function reference is the generated one, and the README opens with the two commands. */
import * as fs from "fs";
import * as path from "path";

const ref = require("../../tools/function-reference.cjs");

const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");

test("the function reference in README.md matches the functions' JSDoc (run `npm run docs` to update)", async () => {
  const meta = await ref.metadata();
  expect(ref.section(readme)).toBe(ref.render(meta));
});

test("README opens with the run and test commands", () => {
  const head = readme.split("\n").slice(0, 25).join("\n");
  expect(head).toContain("npm start");
  expect(head).toContain("npm test");
  expect(head.indexOf("npm start")).toBeLessThan(head.indexOf("## "));
});

test(".ci/run runs the README's test command", () => {
  const ci = fs.readFileSync(path.join(__dirname, "..", "..", ".ci", "run"), "utf8");
  expect(ci).toMatch(/^npm test\b/m);
  expect(ci).toContain("npm ci");
});
