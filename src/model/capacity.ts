/**
 * HPC capacity in two categories that are never added together:
 *
 * - **contracted**: MW under a signed contract with CoreWeave. Each line counts as contracted
 *   from its contract date and as energised from its energisation date (after the supply-chain
 *   delay). MW of critical IT load.
 * - **pipeline**: named, sourced sites with no contract, in the basis the source states (gross
 *   power at the meter, or critical IT). Never counted as contracted or energised, and never
 *   compared with the target: shown beside it as pipeline.
 *
 * The contracted lines are the CoreWeave tranches and the seed's reallocated mining capacity. The
 * seed says "Core Scientific has reallocated approximately 100 MW of capacity from its Bitcoin
 * mining infrastructure to HPC hosting for CoreWeave, increasing total HPC capacity to 570 MW": the
 * 70 MW of critical IT that takes 500 MW to 570 MW is CoreWeave's, so it is a contracted line
 * (the model reads it as the ~70 MW Denton expansion CoreWeave contracted on 2025-02-26; see the
 * `realloc_mw` assumption). The seed's 570 MW is the contracted total in base, and the MW
 * energised by the end of 2027; the seed's "more than 1 GW by 2027" stays a target that the
 * contracted and energised MW are compared with, with the gap shown.
 *
 * Units: MW; dates as Excel serials, times as decimal calendar years.
 */
import { delayedStart, Tranche } from "./deal";
import { Assumptions } from "./scenarios";
import { TRANCHE_DATA, TRANCHE_IDS } from "./assumptions";
import { fromExcelSerial, yearFraction } from "./dates";

export type CapacityCategory = "contracted" | "pipeline";

/** How the MW of a line are measured: critical IT load, or gross power at the meter. */
export type CapacityBasis = "critical-it" | "gross";

/** A measure of capacity by a date: contracted or energised MW (contracted lines only). */
export type CapacityMeasure = "contracted" | "energised";

/** MW under a signed CoreWeave contract. */
export interface ContractedLine {
  readonly category: "contracted";
  readonly id: string;
  readonly label: string;
  readonly basis: "critical-it";
  readonly mw: number;
  /** Date contracted, Excel serial. */
  readonly contractDate: number;
  /** Date contracted, decimal year. */
  readonly contracted: number;
  /** Energisation date before any delay, Excel serial. */
  readonly plannedDate: number;
  /** Energisation after the delay, decimal year. */
  readonly energised: number;
  readonly delayed: boolean;
}

/** A named, sourced site with no contract. */
export interface PipelineLine {
  readonly category: "pipeline";
  readonly id: string;
  readonly label: string;
  readonly basis: CapacityBasis;
  readonly mw: number;
}

export type CapacityLine = ContractedLine | PipelineLine;

/** The label of a contracted line: the tranche's name from the data, or the reallocated capacity. */
export function contractedLineLabel(id: string): string {
  if (id === "realloc") return "CoreWeave: reallocated from bitcoin mining (seed only)";
  const i = TRANCHE_IDS.indexOf(id);
  return i < 0 ? id : `CoreWeave tranche ${i + 1}: ${TRANCHE_DATA[i].name}`;
}

/** The pipeline lines: id, assumption key of their MW, label, basis (as the source states it). */
export const PIPELINE_LINES: readonly { readonly id: string; readonly key: string; readonly label: string; readonly basis: CapacityBasis }[] = [
  { id: "hunt", key: "pipeline_hunt_county_mw", label: "Pipeline: Hunt County, Texas (gross power)", basis: "gross" },
  { id: "daltonPecos", key: "pipeline_dalton_pecos_mw", label: "Pipeline: Dalton, Georgia and Pecos, Texas (gross power added)", basis: "gross" },
];

function decimalYear(serial: number): number {
  const d = fromExcelSerial(serial);
  if (!d.ok) throw new Error("dates are validated before they reach the model");
  return yearFraction(d.value);
}

/**
 * The capacity lines of a scenario: each CoreWeave tranche (contracted on its contract date,
 * energised when it starts billing), the reallocated capacity (contracted to CoreWeave, with its
 * own dates), then the pipeline sites. In base: five contracted lines (570 MW) and two pipeline
 * lines (730 MW gross).
 */
export function capacityLines(a: Assumptions, tranches: readonly Tranche[]): CapacityLine[] {
  const lines: CapacityLine[] = tranches.map((t) => ({
    category: "contracted",
    id: t.id,
    label: contractedLineLabel(t.id),
    basis: "critical-it",
    mw: t.mw,
    contractDate: a[`${t.id}_contract_date`],
    contracted: decimalYear(a[`${t.id}_contract_date`]),
    plannedDate: t.plannedEnergised,
    energised: t.energised,
    delayed: t.energisedDelayed,
  }));
  const { start, delayed } = delayedStart(a.realloc_date, a);
  lines.push({
    category: "contracted",
    id: "realloc",
    label: contractedLineLabel("realloc"),
    basis: "critical-it",
    mw: a.realloc_mw,
    contractDate: a.realloc_contract_date,
    contracted: decimalYear(a.realloc_contract_date),
    plannedDate: a.realloc_date,
    energised: start,
    delayed,
  });
  for (const p of PIPELINE_LINES) lines.push({ category: "pipeline", id: p.id, label: p.label, basis: p.basis, mw: a[p.key] });
  return lines;
}

/** The contracted lines only. */
export function contractedLines(lines: readonly CapacityLine[]): ContractedLine[] {
  return lines.filter((l): l is ContractedLine => l.category === "contracted");
}

/** The pipeline lines only. */
export function pipelineLines(lines: readonly CapacityLine[]): PipelineLine[] {
  return lines.filter((l): l is PipelineLine => l.category === "pipeline");
}

function from(l: ContractedLine, measure: CapacityMeasure): number {
  return measure === "contracted" ? l.contracted : l.energised;
}

/** MW contracted or energised (default) at time x (decimal year). Pipeline never counts. */
export function capacityAt(lines: readonly CapacityLine[], x: number, measure: CapacityMeasure = "energised"): number {
  return contractedLines(lines)
    .filter((l) => from(l, measure) <= x)
    .reduce((s, l) => s + l.mw, 0);
}

/**
 * MW contracted or energised (default) by the end of a calendar year (31 December): the lines
 * whose date falls before 1 January of the next year. Pipeline never counts.
 *
 * @example capacityEndOfYear([{ category: "contracted", id: "t1", label: "", basis: "critical-it", mw: 200, contractDate: 45446, contracted: 2024.42, plannedDate: 45778, energised: 2025.33, delayed: false }], 2024, "contracted") // 200 MW contracted by the end of 2024
 * @example capacityEndOfYear([{ category: "contracted", id: "t1", label: "", basis: "critical-it", mw: 200, contractDate: 45446, contracted: 2024.42, plannedDate: 45778, energised: 2025.33, delayed: false }], 2024) // 0 MW energised by then
 */
export function capacityEndOfYear(lines: readonly CapacityLine[], year: number, measure: CapacityMeasure = "energised"): number {
  return contractedLines(lines)
    .filter((l) => from(l, measure) < year + 1)
    .reduce((s, l) => s + l.mw, 0);
}

/** All MW under contract in the scenario, whenever contracted or energised. */
export function contractedTotal(lines: readonly CapacityLine[]): number {
  return contractedLines(lines).reduce((s, l) => s + l.mw, 0);
}

/**
 * Pipeline MW as the sources state them (gross power in base), at the data's as-of date: the
 * same in every year, since no source dates the sites' energisation. Not comparable with
 * critical IT and never added to contracted or energised MW.
 *
 * @example pipelineMw([{ category: "pipeline", id: "hunt", label: "", basis: "gross", mw: 430 }, { category: "pipeline", id: "daltonPecos", label: "", basis: "gross", mw: 300 }]) // 730 MW gross
 */
export function pipelineMw(lines: readonly CapacityLine[]): number {
  return pipelineLines(lines).reduce((s, l) => s + l.mw, 0);
}
