/**
 * The CORZ customer functions: CoreWeave's share of HPC revenue, the HHI, and the pipeline.
 * Thin wrappers over src/model/customers (see functions.ts for the conventions). Without a
 * `pipeline` range they use the default pipeline, which is illustrative, not a forecast.
 */
import { ConcentrationRow, concentrationPath, concentrationYear, hhi, prospectRevenue, validatePipeline } from "../model/customers/concentration";
import { CATEGORIES, PipelineRow, defaultPipeline } from "../model/customers/data";
import { Result, andThen, fail, ok } from "../model/result";
import { ScenarioModel } from "../model/scenarioModel";
import { Arg, choiceArg, isBlank, numberArg, numbersArg, tableArg, textArg, yearArg } from "./args";
import { cell } from "./errors";
import { modelFor, usd } from "./scenario";

/**
 * CoreWeave's share of HPC revenue in a calendar year, counting the pipeline at its probability-weighted revenue (the default pipeline is illustrative, not a forecast).
 * @customfunction CONCENTRATION
 * @param year Calendar year, e.g. 2030 (a date stands for its year).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [measure] "coreweave" (default): CoreWeave's share; "coreweave_all_won": its share if every prospect signs; "top3": share of the three largest customers; "hhi": Herfindahl-Hirschman index from 0 to 1 (x 10,000 for the points scale).
 * @param [pipeline] Seven-column range: prospect | category | MW | USD per MW-year (blank = the contract price) | start year | term (years) | probability. Blank = the illustrative default pipeline.
 * @returns A decimal from 0 to 1; #DIV/0! in a year with no HPC revenue.
 */
export function concentrationFn(year: any, scenario?: any[][], measure?: any, pipeline?: any[][]): number {
  return cell(() =>
    andThen(yearArg(year), (y) =>
      andThen(
        choiceArg(measure, "measure", ["coreweave", "coreweave_all_won", "top3", "hhi"] as const, "coreweave", { cw: "coreweave", allwon: "coreweave_all_won", top3share: "top3", herfindahl: "hhi" }),
        (ms) =>
          andThen(withPipeline(scenario, pipeline), ({ m, rows }) => {
            const r = concentrationYear(m, rows, y);
            const field: Record<typeof ms, keyof ConcentrationRow> = { coreweave: "coreWeaveShare", coreweave_all_won: "coreWeaveShareAllWon", top3: "top3Share", hhi: "hhi" };
            const v = r[field[ms]] as number | undefined;
            return v === undefined ? fail("div0", `no HPC revenue in ${y}`) : ok(v);
          }),
      ),
    ),
  );
}

/**
 * Herfindahl-Hirschman index of a range of revenues or shares: the sum of squared shares after dividing by the total, from 1/n (n equal customers) to 1 (one customer).
 * @customfunction HHI
 * @param values Any range of revenues or shares (USD, decimals or percent: only their proportions matter). Blank cells are skipped; text, TRUE/FALSE, errors and negatives are #VALUE!.
 * @returns A decimal from 0 to 1 (x 10,000 for the 0-10,000 points scale); #DIV/0! when nothing is above zero.
 */
export function hhiFn(values: any[][]): number {
  return cell(() => andThen(numbersArg(values, "values"), (xs) => hhi(xs)));
}

/**
 * Pipeline revenue in a calendar year, in USD: each prospect's MW x USD per MW-year x the part of the year in its term, weighted by its probability (the default pipeline is illustrative, not a forecast).
 * @customfunction PIPELINE_REVENUE
 * @param year Calendar year, e.g. 2030 (a date stands for its year).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides; sets the contract price the pipeline is priced at.
 * @param [basis] "weighted" (default, times each probability) or "unweighted" (if every prospect signs).
 * @param [pipeline] Seven-column range: prospect | category | MW | USD per MW-year (blank = the contract price) | start year | term (years) | probability. Blank = the illustrative default pipeline.
 * @returns Revenue in USD; 0 in a year no prospect bills.
 */
export function pipelineRevenueFn(year: any, scenario?: any[][], basis?: any, pipeline?: any[][]): number {
  return cell(() =>
    andThen(yearArg(year), (y) =>
      andThen(choiceArg(basis, "basis", ["weighted", "unweighted"] as const, "weighted", { expected: "weighted", probabilityweighted: "weighted", allwon: "unweighted", full: "unweighted" }), (b) =>
        andThen(withPipeline(scenario, pipeline), ({ rows }) => ok(usd(rows.reduce((a, r) => a + prospectRevenue(r, y, b === "weighted"), 0)))),
      ),
    ),
  );
}

/**
 * Spills concentration by year: contracted (CoreWeave) revenue, weighted and unweighted pipeline revenue, CoreWeave's share, top-3 share and HHI.
 * @customfunction CONCENTRATION_SCHEDULE
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

/** The scenario model and the pipeline: the user's range, or the default priced at the contract price. */
function withPipeline(scenario: Arg, pipeline: Arg): Result<{ m: ScenarioModel; rows: readonly PipelineRow[] }> {
  return andThen(modelFor(scenario), (m) => {
    const blank = isBlank(pipeline) || (Array.isArray(pipeline) && (pipeline as unknown[][]).every((r) => Array.isArray(r) && r.every(isBlank)));
    if (blank) return ok({ m, rows: defaultPipeline(m.pricePerMwYear) });
    return andThen(pipelineRows(pipeline, m.pricePerMwYear), (rows) => andThen(validatePipeline(rows), (v) => ok({ m, rows: v })));
  });
}

/** Reads a seven-column pipeline range; a first row whose MW cell is text is a header. */
function pipelineRows(x: Arg, contractPrice: number): Result<PipelineRow[]> {
  const table = tableArg(x, "pipeline", 7);
  if (!table.ok) return table;
  const out: PipelineRow[] = [];
  for (const { row, cells } of table.value) {
    const [prospect, category, mw, price, start, term, probability] = cells;
    if (row === 1 && typeof mw === "string" && !numberArg(mw, "MW").ok) continue;
    const at = (field: string) => `pipeline row ${row} ${field}`;
    const p = textArg(prospect, at("prospect"));
    if (!p.ok) return p;
    const c = textArg(category, at("category"), "");
    if (!c.ok) return c;
    const nums = [
      numberArg(mw, at("MW")),
      numberArg(price, at("price"), { optional: contractPrice }),
      numberArg(start, at("start year")),
      numberArg(term, at("term")),
      numberArg(probability, at("probability")),
    ];
    for (const n of nums) if (!n.ok) return n;
    const [w, pr, st, tm, pb] = nums.map((n) => (n.ok ? n.value : 0));
    out.push({ prospect: p.value, category: c.value, mw: w, pricePerMwYear: pr, startYear: st, termYears: tm, probability: pb, basis: "user input" });
  }
  return ok(out);
}
