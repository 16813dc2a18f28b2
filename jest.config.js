/**
 * Jest runs every suite once, and the model and function suites a second time under a
 * far-off time zone (UTC+13:45 / +12:45), where any accidental use of local dates shows.
 */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }];

/** @type {import('jest').Config} */
const common = {
  transform: { "^.+\\.tsx?$": tsJest },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  setupFiles: ["<rootDir>/tests/setup/customFunctions.ts", "<rootDir>/tests/setup/fastcheck.ts"],
};

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/tests/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "ui",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/tests/**/*.test.tsx"],
    },
    {
      ...common,
      displayName: "unit-second-tz",
      testEnvironment: "node",
      setupFiles: ["<rootDir>/tests/setup/otherTimeZone.ts", ...common.setupFiles],
      testMatch: ["<rootDir>/tests/model/**/*.test.ts", "<rootDir>/tests/functions/**/*.test.ts"],
    },
  ],
};
