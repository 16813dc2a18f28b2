// The order jest runs the suites in: its own (slowest first, from the last run's timings, else
// the largest file first), except that the suites of the "build" project come last, so that the
// shared production builds (tests/support/build.ts), started as the run begins, are made while
// the other suites run and are ready by the time a suite waits for one.
const Sequencer = require("@jest/test-sequencer").default;

class BuildsLast extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const build = (t) => t.context.config.displayName?.name === "build";
    return [...sorted.filter((t) => !build(t)), ...sorted.filter(build)];
  }
}

module.exports = BuildsLast;
