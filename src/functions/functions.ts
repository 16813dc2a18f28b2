/**
 * The CORZ custom functions. Each is a thin wrapper: coerce the arguments (args.ts, all of them
 * in one flat `all(...)` list, the first bad one reported), call the model, map errors
 * (errors.ts's `cell`). What the model computes is remembered under memo.ts's one policy.
 * The JSDoc below is the metadata: webpack's custom-functions-metadata-plugin generates
 * functions.json from it. Ids never change; bump the manifest version when a signature does.
 *
 * Conventions: money in USD (not millions), capacity in MW, years as calendar years,
 * rates as decimals. A year in which the deal bills nothing returns 0.
 */
import { DATA_AS_OF, asOfSerial } from "../model/asOf";
import { ASSUMPTIONS, findAssumption, retiredAssumption } from "../model/assumptions";
import { fromExcelSerial, toIso } from "../model/dates";
import { all, andThen, map, naError, ok } from "../model/result";
import { BUILT_IN_SCENARIOS } from "../model/scenarios";
import { capacitySchedule, capacityYears, discountFlows, yearRow } from "../model/scenarioModel";
import { booleanArg, choiceArg, numberArg, scenarioOmitted, textArg, wholeArg, yearArg } from "./args";
import { cell } from "./errors";
import { CAPACITY_MEASURES, capacityIn, capacityOf, flowsOf, modelFor, resolvedArg, usd } from "./scenario";
import { reportedVsModel } from "../model/reportedVsModel";
import { SEED_TO_BASE_SOURCES, reconcile } from "../model/reconcile";
import { CashFlowRow, cashFlowYear, dealValue, withRenewals } from "../model/valuation";

/**
 * Licence-fee revenue from the CoreWeave contracts in a calendar year, in USD. Years with no billing return 0.
 * @customfunction DEAL_REVENUE
 * @helpurl https://localhost:3000/help/functions/DEAL_REVENUE.html
 * @param year Calendar year, e.g. 2027 (a date stands for its year).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns Revenue in USD.
 */
export function dealRevenue(year: any, scenario?: any[][]): number {
  return cell(() => map(all(yearArg(year), modelFor(scenario)), ([y, m]) => usd(yearRow(m, y).revenue)));
}

/**
 * Licence-fee gross profit from the CoreWeave contracts in a calendar year, in USD.
 * @customfunction GROSS_PROFIT
 * @helpurl https://localhost:3000/help/functions/GROSS_PROFIT.html
 * @param year Calendar year, e.g. 2027.
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns Gross profit in USD.
 */
export function grossProfit(year: any, scenario?: any[][]): number {
  return cell(() => map(all(yearArg(year), modelFor(scenario)), ([y, m]) => usd(yearRow(m, y).grossProfit)));
}

/**
 * Revenue in a contract year (1 = each megawatt's first year of billing), in USD.
 * @customfunction CONTRACT_YEAR_REVENUE
 * @helpurl https://localhost:3000/help/functions/CONTRACT_YEAR_REVENUE.html
 * @param contract_year Contract year from 1 (the term is 12 years, more with renewals).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns Revenue in USD; 0 after the last contract year.
 */
export function contractYearRevenue(contract_year: any, scenario?: any[][]): number {
  return cell(() => map(all(wholeArg(contract_year, "contract_year", 1, 100), modelFor(scenario)), ([k, m]) => usd(m.contractYears[k - 1]?.revenue ?? 0)));
}

/**
 * Spills the deal by calendar year: year, revenue, gross profit, average billable MW, reported revenue and reported margin.
 * @customfunction DEAL_SCHEDULE
 * @helpurl https://localhost:3000/help/functions/DEAL_SCHEDULE.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns A table with a header row; money in USD.
 */
export function dealSchedule(scenario?: any[][]): any[][] {
  return cell(() =>
    map(modelFor(scenario), (m) => [
        ["Year", "Revenue (USD)", "Gross profit (USD)", "Billable MW (avg)", "Reported revenue (USD)", "Reported margin"],
        ...m.years.map((r) => [
          r.year,
          usd(r.revenue),
          usd(r.grossProfit),
          r.mwBillable,
          usd(r.reportedRevenue),
          r.reportedMargin ?? "",
        ]),
      ]),
  );
}

/**
 * Total contract value (TCV): the firm value over the initial 12-year term, in USD ($10.2B in base). With include_options TRUE it is "TCV incl. options": the renewal options the scenario exercises added (bull $20.55B), which are not contracted revenue.
 * @customfunction DEAL_TCV
 * @helpurl https://localhost:3000/help/functions/DEAL_TCV.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [include_options] FALSE (default): TCV, the initial term only. TRUE: TCV incl. options, with the renewal options the scenario exercises (renewal_options; 0 in base).
 * @returns TCV in USD; TCV incl. options with include_options TRUE.
 */
export function dealTcv(scenario?: any[][], include_options?: any): number {
  return cell(() => map(all(booleanArg(include_options, "include_options", false), modelFor(scenario)), ([incl, m]) => usd(incl ? m.tcvInclOptions : m.tcv)));
}

/**
 * Gross margin of the hosting contracts: the licence-fee view (management's 80-85% target in base, the brief's 75-80% in seed) or the reported view with pass-through power in revenue and cost.
 * @customfunction GROSS_MARGIN
 * @helpurl https://localhost:3000/help/functions/GROSS_MARGIN.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [view] "licence" (default) or "reported".
 * @returns Margin as a decimal (0.775 = 77.5%).
 */
export function grossMargin(scenario?: any[][], view?: any): number {
  const views = ["licence", "reported"] as const;
  return cell(() =>
    map(all(choiceArg(view, "view", views, "licence", { license: "licence", licencefee: "licence", licensefee: "licence" }), modelFor(scenario)), ([v, m]) =>
      v === "licence" ? m.licenceMargin : m.reportedMarginTerm,
    ),
  );
}

/**
 * Average licence fee per MW-year: initial contract value / (MW x term), in USD.
 * @customfunction REVENUE_PER_MW
 * @helpurl https://localhost:3000/help/functions/REVENUE_PER_MW.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns USD per MW per year.
 */
export function revenuePerMw(scenario?: any[][]): number {
  return cell(() => map(modelFor(scenario), (m) => usd(m.pricePerMwYear)));
}

/**
 * HPC capacity energised by 31 December of a year, in MW of critical IT load: the MW contracted to CoreWeave that are energised by then (after any supply-chain delay). Pipeline sites never count; CORZ.CAPACITY gives contracted and pipeline MW.
 * @customfunction HPC_CAPACITY
 * @helpurl https://localhost:3000/help/functions/HPC_CAPACITY.html
 * @param year Calendar year, e.g. 2027.
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns MW energised.
 */
export function hpcCapacity(year: any, scenario?: any[][]): number {
  return cell(() => map(all(yearArg(year), modelFor(scenario)), ([y, m]) => capacityIn(m, y)));
}

/**
 * HPC capacity by 31 December of a year, in MW: energised (critical IT under contract and energised), contracted (critical IT under a signed contract) or pipeline (uncontracted, sourced sites, in gross power as their sources state it; never part of the other two).
 * @customfunction CAPACITY
 * @helpurl https://localhost:3000/help/functions/CAPACITY.html
 * @param year Calendar year, e.g. 2027.
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [measure] "energised" (default), "contracted" or "pipeline".
 * @returns MW of the measure.
 */
export function capacityFn(year: any, scenario?: any[][], measure?: any): number {
  return cell(() =>
    map(all(choiceArg(measure, "measure", CAPACITY_MEASURES, "energised", { energized: "energised" }), yearArg(year), modelFor(scenario)), ([k, y, m]) => capacityOf(m, y, k)),
  );
}

/**
 * Spills HPC capacity by year: year, MW contracted, MW energised (as HPC_CAPACITY), pipeline MW (uncontracted, gross as stated), target MW, and contracted and energised MW above (below) the target.
 * @customfunction CAPACITY_SCHEDULE
 * @helpurl https://localhost:3000/help/functions/CAPACITY_SCHEDULE.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns A table with a header row; MW at 31 December.
 */
export function capacityScheduleFn(scenario?: any[][]): any[][] {
  return cell(() =>
    andThen(modelFor(scenario), (m) => {
      const { first, last } = capacityYears(m);
      return ok([
        ["Year", "Contracted MW", "Energised MW", "Pipeline MW (not contracted)", "Target MW", "Contracted vs target MW", "Energised vs target MW"],
        ...capacitySchedule(m, first, last).map((r) => [
          r.year,
          r.contractedMw,
          r.energisedMw,
          r.pipelineMw,
          r.targetMw,
          r.contractedGapMw,
          r.energisedGapMw,
        ]),
      ]);
    }),
  );
}

/**
 * Net present value of the contracts' licence-fee gross profit as of the valuation date (default the data's as-of date, CORZ.DATA_AS_OF()), in USD: each year's gross profit is discounted from its year end, and what is earned before the date is left out.
 * @customfunction DEAL_NPV
 * @helpurl https://localhost:3000/help/functions/DEAL_NPV.html
 * @param rate Annual discount rate as a decimal, e.g. 0.1 for 10%.
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns NPV in USD.
 */
export function dealNpvFn(rate: any, scenario?: any[][]): number {
  // dealNpv(m, r) with the cash flows taken once per scenario (a sheet may hold thousands of these cells).
  return cell(() => {
    const args = all(numberArg(rate, "rate"), andThen(modelFor(scenario), flowsOf));
    if (!args.ok) return args;
    const [r, flows] = args.value;
    return map(discountFlows(flows, r), usd);
  });
}

/**
 * The value of one assumption in a scenario (dates as Excel dates).
 * @customfunction SCENARIO_VALUE
 * @helpurl https://localhost:3000/help/functions/SCENARIO_VALUE.html
 * @param name Assumption key or label, e.g. "licence_margin" or "t1_mw"; see CORZ.ASSUMPTIONS().
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns The value in the assumption's unit.
 */
export function scenarioValue(name: any, scenario?: any[][]): number {
  return cell(() => {
    const n = textArg(name, "name");
    if (!n.ok) return n;
    const spec = findAssumption(n.value);
    if (!spec) return naError(retiredAssumption(n.value) ?? `unknown assumption "${n.value}"; see CORZ.ASSUMPTIONS() for the names`);
    return map(modelFor(scenario), (m) => m.scenario.values[spec.key]);
  });
}

/**
 * Spills every assumption: key, label, group, unit, value in the scenario, base value, source and as-of date.
 * @customfunction ASSUMPTIONS
 * @helpurl https://localhost:3000/help/functions/ASSUMPTIONS.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns A table with a header row.
 */
export function assumptionsFn(scenario?: any[][]): any[][] {
  return cell(() =>
    andThen(modelFor(scenario), (m) =>
      ok([
        ["Key", "Label", "Group", "Unit", "Value", "Base", "Source", "As of"],
        ...ASSUMPTIONS.map((a) => {
          const v = m.scenario.values[a.key];
          const shown = a.kind === "date" ? isoOf(v) : v;
          return [a.key, a.label, a.group, a.unit, shown, a.base, a.source, a.asOf];
        }),
      ]),
    ),
  );
}

function isoOf(serial: number): string {
  const d = fromExcelSerial(serial);
  return d.ok ? toIso(d.value) : "";
}

/**
 * Spills the built-in scenarios and what each assumes.
 * @customfunction SCENARIOS
 * @helpurl https://localhost:3000/help/functions/SCENARIOS.html
 * @returns Name and description of each built-in scenario.
 */
export function scenariosFn(): any[][] {
  return cell(() => ok([["Scenario", "Description"], ...BUILT_IN_SCENARIOS.map((s) => [s.name, s.description])]));
}

/**
 * The data's as-of date as an Excel date (format the cell as a date): the latest date on which a source of the model's defaults (assumptions, mining, peers, customers) said its figure; a month without a day counts as its first day.
 * @customfunction DATA_AS_OF
 * @helpurl https://localhost:3000/help/functions/DATA_AS_OF.html
 * @returns An Excel date serial.
 */
export function dataAsOfFn(): number {
  return cell(() => asOfSerial(DATA_AS_OF));
}

/**
 * Spills the bridge from the scenario's licence-fee margin to the reported margin at full run-rate: pass-through power explains part of the gap.
 * @customfunction MARGIN_BRIDGE
 * @helpurl https://localhost:3000/help/functions/MARGIN_BRIDGE.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns Item and value rows (margins as decimals, money in USD per MW-year).
 */
export function marginBridgeFn(scenario?: any[][]): any[][] {
  return cell(() =>
    andThen(modelFor(scenario), (m) => {
      const b = m.marginBridge;
      return ok([
        ["Item", "Value"],
        ["Licence fee (USD per MW-year)", usd(b.pricePerMwYear)],
        ["Pass-through power (USD per MW-year)", usd(b.powerPerMwYear)],
        ["Licence-fee gross margin", b.licenceMargin],
        ["Less: dilution by pass-through power", -b.passThroughEffect],
        ["Reported margin at full run-rate", b.reportedAtRunRate],
        ["Less: not explained by power (ramp-phase and other costs)", -b.unexplained],
        ["Reported margin filed", b.observed],
      ]);
    }),
  );
}


/**
 * Spills what Core Scientific reported beside the model, by quarter: period, reported colocation revenue, the model on the reported basis (the 12-year contracts' licence revenue, plus other colocation revenue held at its last pre-contract level, plus any share of pass-through power set by reported_power_share) and the variance as a rate (0.05 = model 5% above reported).
 * @customfunction REPORTED_VS_MODEL
 * @helpurl https://localhost:3000/help/functions/REPORTED_VS_MODEL.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns A table with a header row; money in USD per quarter.
 */
export function reportedVsModelFn(scenario?: any[][]): any[][] {
  return cell(() =>
    andThen(modelFor(scenario), (m) =>
      ok([
        ["Period", "Reported (USD)", "Model, reported basis (USD)", "Variance"],
        ...reportedVsModel(m).map((r) => [r.period, r.reported, usd(r.model), r.varianceRate]),
      ]),
    ),
  );
}

/**
 * Spills the walk from one scenario to another, by default from the seed brief to the public record: the start, + new tranches (Denton expansion), schedule slip, price and MW as filed, licence-fee margin, the end; each with MW contracted, contract value (initial term), NPV of gross profit and its source.
 * @customfunction RECONCILE
 * @helpurl https://localhost:3000/help/functions/RECONCILE.html
 * @param [from] The starting scenario: "seed" (default), "base", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [to] The ending scenario: "base" (default) or as [from].
 * @returns A table with a header row: step, MW, USD, USD, source.
 */
export function reconcileFn(from?: any[][], to?: any[][]): any[][] {
  return cell(() => {
    const models = all(modelFor(scenarioOmitted(from) ? "seed" : from), modelFor(to));
    if (!models.ok) return models;
    return map(reconcile(...models.value, SEED_TO_BASE_SOURCES), (steps) => [
      ["Step", "MW contracted", "Contract value, initial term (USD)", "NPV of gross profit (USD)", "Source"],
      ...steps.map((s) => [s.step, s.mw, usd(s.value), usd(s.npv), s.source]),
    ]);
  });
}

const CASH_FLOW_ITEMS = ["free", "revenue", "power", "site_opex", "overhead", "ebitda", "depreciation", "tax", "capex", "maintenance"] as const;
const CASH_FLOW_FIELD: Readonly<Record<(typeof CASH_FLOW_ITEMS)[number], keyof CashFlowRow>> = {
  free: "freeCashFlow",
  revenue: "licenceRevenue",
  power: "passThroughPower",
  site_opex: "siteOpex",
  overhead: "overhead",
  ebitda: "ebitda",
  depreciation: "depreciation",
  tax: "tax",
  capex: "capex",
  maintenance: "maintenanceCapex",
};

/**
 * Unlevered cash flow to Core Scientific from the CoreWeave contracts in a calendar year, in USD: licence revenue less site operating cost (what the licence margin leaves), allocated overhead, tax, Core Scientific's own capex and maintenance capex. Pass-through power is billed and paid in the same amount and nets to zero.
 * @customfunction DEAL_CASH_FLOW
 * @helpurl https://localhost:3000/help/functions/DEAL_CASH_FLOW.html
 * @param year Calendar year, e.g. 2027.
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [item] "free" (default: free cash flow), "revenue", "power" (pass-through, in and out), "site_opex", "overhead", "ebitda", "depreciation", "tax", "capex" or "maintenance"; costs as positive numbers.
 * @returns USD in the year.
 */
export function dealCashFlow(year: any, scenario?: any[][], item?: any): number {
  return cell(() =>
    map(all(choiceArg(item, "item", CASH_FLOW_ITEMS, "free", { fcf: "free", opex: "site_opex", maintenance_capex: "maintenance" }), yearArg(year), modelFor(scenario)), ([k, y, m]) =>
      usd(cashFlowYear(m, y)[CASH_FLOW_FIELD[k]]),
    ),
  );
}

/** What CORZ.DEAL_VALUE counts of the renewal options. */
export const VALUE_RENEWALS = ["scenario", "none", "all"] as const;

/**
 * Present value at the valuation date (default the data's as-of date) of the unlevered cash flows to Core Scientific from the CoreWeave contracts, in USD, at the scenario's discount rate: each year's cash flow from the date on, received at its year end. By default renewal options count only as far as the scenario exercises them (renewal_options; none in base).
 * @customfunction DEAL_VALUE
 * @helpurl https://localhost:3000/help/functions/DEAL_VALUE.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [renewals] "scenario" (default: the options the scenario exercises), "none" (the firm initial term only) or "all" (value incl. both five-year renewal options).
 * @returns USD as of the valuation date.
 */
export function dealValueFn(scenario?: any[][], renewals?: any): number {
  return cell(() => {
    const which = choiceArg(renewals, "renewals", VALUE_RENEWALS, "scenario", { asscenario: "scenario", firm: "none", options: "all", incloptions: "all" });
    if (!which.ok) return which;
    const w = which.value;
    const m = w === "scenario" ? modelFor(scenario) : andThen(resolvedArg(scenario), (s) => withRenewals(s, w));
    return map(andThen(m, dealValue), usd);
  });
}
