/**
 * Jest global setup of the suites that check the production build (the "build" project in
 * jest.config.js): starts the shared builds (tests/support/build.ts) in the background, so that
 * they are made while the other suites run. Jest runs it only when a suite of that project runs.
 */
import { startSharedBuilds } from "../support/build";

export default function globalSetup(): void {
  startSharedBuilds();
}
