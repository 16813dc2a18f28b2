/**
 * The test environment of the "unit-second-tz" project: Node's environment with the process's
 * time zone set to the Chatham Islands (UTC+12:45, +13:45 in summer), a zone where local-date
 * mistakes change the day, while a suite runs; restored after it.
 *
 * Setting `process.env.TZ` inside a suite or a setup file would change only jest's copy of the
 * environment variables, and the suite would run in the machine's zone; the zone must be set on
 * the real process, which is what a test environment runs in. Node applies a change of TZ at
 * once; the environment checks that it did, so a run that cannot change zones fails.
 */
import NodeEnvironment from "jest-environment-node";

const ZONE = "Pacific/Chatham";
/** Minutes that UTC is behind Chatham's local time on 1 January (summer: +13:45), as getTimezoneOffset gives them. */
const JANUARY_OFFSET = -(13 * 60 + 45);

export default class OtherTimeZoneEnvironment extends NodeEnvironment {
  private readonly machineZone = process.env.TZ;

  constructor(...args: ConstructorParameters<typeof NodeEnvironment>) {
    super(...args);
    process.env.TZ = ZONE;
    this.global.process.env.TZ = ZONE;
    const offset = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
    if (offset !== JANUARY_OFFSET) throw new Error(`TZ=${ZONE} did not take: local time is ${-offset} minutes ahead of UTC, not ${-JANUARY_OFFSET}`);
  }

  override async teardown(): Promise<void> {
    if (this.machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = this.machineZone;
    await super.teardown();
  }
}
