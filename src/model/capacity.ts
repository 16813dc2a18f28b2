/**
 * HPC capacity: sites and phases with their MW and energisation dates, the supply-chain
 * delay that moves them, and the HPC MW installed by date against the 1 GW target.
 * Units: MW of critical IT load; time in decimal calendar years.
 */
import { delayedStart, Tranche } from "./deal";
import { Assumptions } from "./scenarios";

export type CapacityCustomer = "CoreWeave" | "Uncontracted";

export interface CapacityLine {
  readonly id: string;
  readonly label: string;
  readonly customer: CapacityCustomer;
  readonly mw: number;
  /** Energisation date before any delay, Excel serial. */
  readonly plannedDate: number;
  /** Energisation after the delay, decimal year. */
  readonly energised: number;
  readonly delayed: boolean;
}

const TRANCHE_LABELS: Record<string, string> = {
  t1: "CoreWeave tranche 1: initial 12-year contracts",
  t2: "CoreWeave tranche 2: first option",
  t3: "CoreWeave tranche 3: second option",
  t4: "CoreWeave tranche 4: final option, one site",
};

/**
 * The capacity lines of a scenario: each CoreWeave tranche energises when it starts
 * billing; the capacity reallocated from mining and the new sites follow their own dates.
 */
export function capacityLines(a: Assumptions, tranches: readonly Tranche[]): CapacityLine[] {
  const lines: CapacityLine[] = tranches.map((t) => ({
    id: t.id,
    label: TRANCHE_LABELS[t.id] ?? t.id,
    customer: "CoreWeave",
    mw: t.mw,
    plannedDate: t.plannedStart,
    energised: t.start,
    delayed: t.delayed,
  }));
  const other = (id: string, label: string, mw: number, date: number): CapacityLine => {
    const { start, delayed } = delayedStart(date, a);
    return { id, label, customer: "Uncontracted", mw, plannedDate: date, energised: start, delayed };
  };
  lines.push(other("realloc", "Reallocated from bitcoin mining", a.realloc_mw, a.realloc_date));
  lines.push(other("expansion", "New HPC sites toward the 1 GW ambition", a.expansion_mw, a.expansion_date));
  return lines;
}

/** HPC MW energised at time x (decimal year), optionally for one customer. */
export function capacityAt(lines: readonly CapacityLine[], x: number, customer?: CapacityCustomer): number {
  return lines
    .filter((l) => l.energised <= x && (customer === undefined || l.customer === customer))
    .reduce((s, l) => s + l.mw, 0);
}

/** HPC MW energised by the end of a calendar year (31 December). */
export function capacityEndOfYear(lines: readonly CapacityLine[], year: number, customer?: CapacityCustomer): number {
  return lines
    .filter((l) => l.energised < year + 1 && (customer === undefined || l.customer === customer))
    .reduce((s, l) => s + l.mw, 0);
}

/** All HPC MW identified in the scenario, whenever they energise. */
export function capacityTotal(lines: readonly CapacityLine[]): number {
  return lines.reduce((s, l) => s + l.mw, 0);
}
