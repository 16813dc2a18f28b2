/**
 * Property tests explore new random inputs on every local run; under CI they replay one fixed
 * seed, so a run is reproducible (set FC_SEED to replay another, e.g. one a local run printed).
 */
import fc from "fast-check";

const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : process.env.CI === "true" ? 20261124 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
