/**
 * The custom functions as the task pane lists them. The task pane may not import
 * src/functions (lint rule), and reading functions.json at run time would add a fetch that can
 * fail, so the catalogue is written out here; tests/project/catalog.test.ts checks it against
 * the metadata that the build generates from the JSDoc, so it cannot drift: when a function is
 * added or its JSDoc changes, that test fails and shows what to change.
 */

export const NAMESPACE = "CORZ";

export interface FunctionParameter {
  readonly name: string;
  readonly description: string;
  readonly optional: boolean;
}

export interface FunctionInfo {
  /** The never-changing id from `@customfunction ID`; Excel shows it as NAMESPACE.ID. */
  readonly id: string;
  readonly description: string;
  readonly parameters: readonly FunctionParameter[];
}

const scenario: FunctionParameter = {
  name: "scenario",
  description: '"base" (default), "bull", "bear", or a two-column range of assumption | value overrides.',
  optional: true,
};

const year: FunctionParameter = { name: "year", description: "Calendar year, e.g. 2027.", optional: false };

export const FUNCTIONS: readonly FunctionInfo[] = [
  {
    id: "DEAL_REVENUE",
    description: "Licence-fee revenue from the CoreWeave contracts in a calendar year, in USD. Years with no billing return 0.",
    parameters: [{ ...year, description: "Calendar year, e.g. 2027 (a date stands for its year)." }, scenario],
  },
  {
    id: "GROSS_PROFIT",
    description: "Licence-fee gross profit from the CoreWeave contracts in a calendar year, in USD.",
    parameters: [year, scenario],
  },
  {
    id: "CONTRACT_YEAR_REVENUE",
    description: "Revenue in a contract year (1 = each megawatt's first year of billing), in USD.",
    parameters: [
      { name: "contract_year", description: "Contract year from 1 (the term is 12 years, more with renewals).", optional: false },
      scenario,
    ],
  },
  {
    id: "DEAL_SCHEDULE",
    description:
      "Spills the deal by calendar year: year, revenue, gross profit, average billable MW, reported revenue and reported margin.",
    parameters: [scenario],
  },
  {
    id: "DEAL_TCV",
    description: "Total contract value: the initial 12-year term plus any renewal options exercised, in USD.",
    parameters: [scenario],
  },
  {
    id: "GROSS_MARGIN",
    description:
      "Gross margin of the hosting contracts: the licence-fee view (the seed's 75-80%) or the reported view with pass-through power in revenue and cost.",
    parameters: [scenario, { name: "view", description: '"licence" (default) or "reported".', optional: true }],
  },
  {
    id: "REVENUE_PER_MW",
    description: "Average licence fee per MW-year: initial contract value / (MW x term), in USD.",
    parameters: [scenario],
  },
  {
    id: "HPC_CAPACITY",
    description: "HPC capacity energised by 31 December of a year, in MW of critical IT load (CoreWeave and other sites).",
    parameters: [year, scenario],
  },
  {
    id: "CAPACITY_SCHEDULE",
    description: "Spills HPC capacity by year: year, total HPC MW, CoreWeave MW, other MW and the target MW.",
    parameters: [scenario],
  },
  {
    id: "DEAL_NPV",
    description:
      "Net present value of the contracts' licence-fee gross profit as of 1 January of the valuation year (2025 in base), in USD.",
    parameters: [{ name: "rate", description: "Annual discount rate as a decimal, e.g. 0.1 for 10%.", optional: false }, scenario],
  },
  {
    id: "SCENARIO_VALUE",
    description: "The value of one assumption in a scenario (dates as Excel dates).",
    parameters: [
      {
        name: "name",
        description: 'Assumption key or label, e.g. "licence_margin" or "t1_mw"; see CORZ.ASSUMPTIONS().',
        optional: false,
      },
      scenario,
    ],
  },
  {
    id: "ASSUMPTIONS",
    description: "Spills every assumption: key, label, group, unit, value in the scenario, base value, source and as-of date.",
    parameters: [scenario],
  },
  {
    id: "SCENARIOS",
    description: "Spills the built-in scenarios and what each assumes.",
    parameters: [],
  },
  {
    id: "MARGIN_BRIDGE",
    description:
      "Spills the bridge from the seed's licence-fee margin to the reported margin at full run-rate: pass-through power explains part of the gap.",
    parameters: [scenario],
  },
];

/** How the function is typed in a cell: `=CORZ.DEAL_REVENUE(year, [scenario])`. */
export function signature(f: FunctionInfo): string {
  const args = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  return `${NAMESPACE}.${f.id}(${args})`;
}

/** The functions whose id, description or parameter names contain `query` (case-insensitive). */
export function searchFunctions(functions: readonly FunctionInfo[], query: string): readonly FunctionInfo[] {
  const q = query.trim().toLowerCase();
  if (q === "") return functions;
  return functions.filter(
    (f) =>
      f.id.toLowerCase().includes(q) ||
      f.description.toLowerCase().includes(q) ||
      f.parameters.some((p) => p.name.toLowerCase().includes(q)),
  );
}
