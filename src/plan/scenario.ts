/** What the plan needs of a scenario: its name and its resolved assumption values. */
import { Assumptions } from "../model/scenarios";

export interface PlanScenario {
  readonly name: string;
  /** Every assumption key, dates as Excel serials (as `resolveScenario` gives them). */
  readonly values: Assumptions;
}
