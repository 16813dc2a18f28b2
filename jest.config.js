/**
 * Jest runs every suite once, and the model and function suites a second time under a
 * far-off time zone (UTC+13:45 / +12:45), where any accidental use of local dates shows. The
 * fuzzing of every function (tests/functions/properties.test.ts) runs once: it checks only the
 * kind of each answer (a finite number, a rectangular array, a known error), which a shifted day
 * could change only by changing values the other suites, run in both zones, pin.
 *
 * The suites that check the production build (tests/project/build, bundles and deploy, the browser
 * tests in tests/e2e) are the "build" project: its global setup starts the builds they share,
 * once per run, in the background (tests/support/build.ts), and they run last.
 */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }];

/** The suites that need a production build. */
const BUILD_SUITES = ["<rootDir>/tests/project/build.test.ts", "<rootDir>/tests/project/bundles.test.ts", "<rootDir>/tests/project/deploy.test.ts", "<rootDir>/tests/e2e/**/*.e2e.test.ts"];

/** @type {import('jest').Config} */
const common = {
  transform: { "^.+\\.tsx?$": tsJest },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  setupFiles: ["<rootDir>/tests/setup/customFunctions.ts", "<rootDir>/tests/setup/fastcheck.ts"],
};

module.exports = {
  testTimeout: 120000,
  // One worker per core (jest's default leaves one core idle, and with two cores runs in band).
  maxWorkers: "100%",
  testSequencer: "<rootDir>/tests/setup/sequencer.cjs",
  projects: [
    {
      ...common,
      displayName: "unit",
      testEnvironment: "node",
      // (jest puts in <rootDir> only at the start of a pattern, not after a "!")
      testMatch: ["<rootDir>/tests/**/*.test.ts", ...BUILD_SUITES.map((p) => `!${p.replace("<rootDir>", __dirname)}`)],
    },
    {
      ...common,
      displayName: "build",
      testEnvironment: "node",
      testMatch: BUILD_SUITES,
      globalSetup: "<rootDir>/tests/setup/builds.ts",
      globalTeardown: "<rootDir>/tests/setup/buildsTeardown.ts",
    },
    {
      ...common,
      displayName: "ui",
      // jsdom with indexed label lookups: Testing Library's label queries in linear time.
      testEnvironment: "<rootDir>/tests/setup/jsdomEnvironment.ts",
      testMatch: ["<rootDir>/tests/**/*.test.tsx"],
    },
    {
      ...common,
      displayName: "unit-second-tz",
      // Node's environment with the process in the Chatham Islands' time zone.
      testEnvironment: "<rootDir>/tests/setup/otherTimeZone.ts",
      testMatch: ["<rootDir>/tests/model/**/*.test.ts", "<rootDir>/tests/functions/**/*.test.ts", `!${__dirname}/tests/functions/properties.test.ts`],
    },
  ],
};
