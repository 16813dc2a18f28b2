/**
 * The CORZ customer functions: CoreWeave's share of HPC revenue, the HHI, and the pipeline.
 * Thin wrappers over src/model/customers (see functions.ts for the conventions). Without a
 * `pipeline` range they use the default pipeline, which is illustrative, not a forecast.
 */
import { CONCENTRATION_MEASURES, concentrationMeasure, concentrationPath, hhi, pipelineRevenue, validatePipeline } from "../model/customers/concentration";
import { CATEGORIES, PipelineRow, defaultPipeline } from "../model/customers/data";
import { Result, all, andThen, map, ok } from "../model/result";
import { ScenarioModel } from "../model/scenarioModel";
import { Arg, choiceArg, numbersArg, pipelineArg, yearArg } from "./args";
import { cell } from "./errors";
import { modelFor, usd } from "./scenario";

/**
 * CoreWeave's share of HPC revenue in a calendar year, counting the pipeline at its probability-weighted revenue (the default pipeline is illustrative, not a forecast).
 * @customfunction CONCENTRATION
 * @helpurl https://localhost:3000/help/functions/CONCENTRATION.html
 * @param year Calendar year, e.g. 2030 (a date stands for its year).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [measure] "coreweave" (default): CoreWeave's share; "coreweave_all_won": its share if every prospect signs; "top3": share of the three largest customers; "hhi": Herfindahl-Hirschman index from 0 to 1 (x 10,000 for the points scale).
 * @param [pipeline] Seven-column range: prospect | category | MW | USD per MW-year (blank = the contract price) | start year | term (years) | probability. Blank = the illustrative default pipeline.
 * @returns A decimal from 0 to 1; #DIV/0! in a year with no HPC revenue.
 */
export function concentrationFn(year: any, scenario?: any[][], measure?: any, pipeline?: any[][]): number {
  return cell(() => {
    const args = all(
      yearArg(year),
      choiceArg(measure, "measure", CONCENTRATION_MEASURES, "coreweave", { cw: "coreweave", allwon: "coreweave_all_won", top3share: "top3", herfindahl: "hhi" }),
      withPipeline(scenario, pipeline),
    );
    if (!args.ok) return args;
    const [y, ms, { m, rows }] = args.value;
    return concentrationMeasure(m, rows, y, ms);
  });
}

/**
 * Herfindahl-Hirschman index of a range of revenues or shares: the sum of squared shares after dividing by the total, from 1/n (n equal customers) to 1 (one customer).
 * @customfunction HHI
 * @helpurl https://localhost:3000/help/functions/HHI.html
 * @param values Any range of revenues or shares (USD, decimals or percent: only their proportions matter). Blank cells are skipped; text, TRUE/FALSE, errors and negatives are #VALUE!.
 * @returns A decimal from 0 to 1 (x 10,000 for the 0-10,000 points scale); #DIV/0! when nothing is above zero.
 */
export function hhiFn(values: any[][]): number {
  return cell(() => andThen(numbersArg(values, "values"), (xs) => hhi(xs)));
}

/**
 * Pipeline revenue in a calendar year, in USD: each prospect's MW x USD per MW-year x the part of the year in its term, weighted by its probability (the default pipeline is illustrative, not a forecast).
 * @customfunction PIPELINE_REVENUE
 * @helpurl https://localhost:3000/help/functions/PIPELINE_REVENUE.html
 * @param year Calendar year, e.g. 2030 (a date stands for its year).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides; sets the contract price the pipeline is priced at.
 * @param [basis] "weighted" (default, times each probability) or "unweighted" (if every prospect signs).
 * @param [pipeline] Seven-column range: prospect | category | MW | USD per MW-year (blank = the contract price) | start year | term (years) | probability. Blank = the illustrative default pipeline.
 * @returns Revenue in USD; 0 in a year no prospect bills.
 */
export function pipelineRevenueFn(year: any, scenario?: any[][], basis?: any, pipeline?: any[][]): number {
  return cell(() => {
    const args = all(
      yearArg(year),
      choiceArg(basis, "basis", ["weighted", "unweighted"] as const, "weighted", { expected: "weighted", probabilityweighted: "weighted", allwon: "unweighted", full: "unweighted" }),
      withPipeline(scenario, pipeline),
    );
    if (!args.ok) return args;
    const [y, b, { rows }] = args.value;
    return ok(usd(pipelineRevenue(rows, y, b === "weighted")));
  });
}

/**
 * Spills concentration by year: contracted (CoreWeave) revenue, weighted and unweighted pipeline revenue, CoreWeave's share, top-3 share and HHI.
 * @customfunction CONCENTRATION_SCHEDULE
 * @helpurl https://localhost:3000/help/functions/CONCENTRATION_SCHEDULE.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [pipeline] Seven-column range: prospect | category | MW | USD per MW-year (blank = the contract price) | start year | term (years) | probability. Blank = the illustrative default pipeline.
 * @returns A table with a header row; money in USD, shares and HHI as decimals (blank in a year with no revenue).
 */
export function concentrationScheduleFn(scenario?: any[][], pipeline?: any[][]): any[][] {
  return cell(() =>
    andThen(withPipeline(scenario, pipeline), ({ m, rows }) =>
      andThen(concentrationPath(m, rows), (path) =>
        ok([
          ["Year", "Contracted (USD)", "Pipeline weighted (USD)", "Pipeline unweighted (USD)", "CoreWeave share", "CoreWeave share if all sign", "Top-3 share", "HHI"],
          ...path.map((r) => [r.year, usd(r.contracted), usd(r.pipelineWeighted), usd(r.pipelineUnweighted), r.coreWeaveShare ?? "", r.coreWeaveShareAllWon ?? "", r.top3Share ?? "", r.hhi ?? ""]),
        ]),
      ),
    ),
  );
}

/**
 * Spills the default pipeline: one illustrative placeholder prospect per seed customer category, priced at the scenario's contract price, with the basis of every number. Illustrative, not a forecast.
 * @customfunction PIPELINE
 * @helpurl https://localhost:3000/help/functions/PIPELINE.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns A table with a header row, in the column order the pipeline arguments take, plus the seed's example prospects and the basis.
 */
export function pipelineFn(scenario?: any[][]): any[][] {
  return cell(() =>
    andThen(modelFor(scenario), (m) =>
      ok([
        ["Prospect", "Category", "MW", "USD per MW-year", "Start year", "Term (years)", "Probability", "Seed examples", "Basis"],
        ...defaultPipeline(m.pricePerMwYear).map((r) => {
          const c = CATEGORIES.find((x) => x.id === r.category);
          return [r.prospect, r.category, r.mw, usd(r.pricePerMwYear), r.startYear, r.termYears, r.probability, c ? c.examples.join(", ") : "", r.basis];
        }),
      ]),
    ),
  );
}

/** The scenario model and the pipeline: the user's range (validated), or the default priced at the contract price. */
function withPipeline(scenario: Arg, pipeline: Arg): Result<{ m: ScenarioModel; rows: readonly PipelineRow[] }> {
  return andThen(modelFor(scenario), (m) => {
    const given = pipelineArg(pipeline, m.pricePerMwYear);
    if (!given.ok) return given;
    const rows = given.value === undefined ? ok(defaultPipeline(m.pricePerMwYear)) : validatePipeline(given.value);
    return map(rows, (r) => ({ m, rows: r }));
  });
}
