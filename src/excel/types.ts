/** What a build is asked, and what it answers: shared by the adapter, the gateway and the pane. */
import type { PlanOptions } from "../plan/build";
import type { SheetKey } from "../plan/types";
import type { Registry } from "./registry";

export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface BuildOptions {
  /** Write the scenarios' values over input cells the user edited (after asking). */
  readonly discardEdits?: boolean;
  /** The Peers sheet's group, statistic and exclusions as chosen in the pane. */
  readonly peers?: PlanOptions["peers"];
  /** A Monte Carlo run from the pane for the Risk sheet; else the default run, dated today. */
  readonly risk?: PlanOptions["risk"];
  /** Today's date (YYYY-MM-DD) for a default run; tests fix it. */
  readonly today?: string;
}

/** An input value typed on CORZ Inputs that a refresh kept (it wins over the scenario's value). */
export interface KeptInput {
  readonly scenario: string;
  /** Assumption key. */
  readonly key: string;
  /** In the model's unit (dates as Excel serials). */
  readonly value: number;
  /** "Sheet!E12". */
  readonly where: string;
}

export interface BuildReport {
  readonly ok: boolean;
  readonly message: string;
  readonly syncs: number;
  /** Bytes of the whole write, and of the largest single request. */
  readonly requestBytes: number;
  readonly largestRequestBytes: number;
  /** Write requests the build was split into (one while it fits in MAX_REQUEST_BYTES). */
  readonly writeSyncs: number;
  readonly sheets: Readonly<Record<SheetKey, string>>;
  /** Renamed because a sheet of the user's had the name. */
  readonly renamed: readonly string[];
  /** Inputs the user had edited, kept as they were. */
  readonly keptEdits: readonly string[];
  /** The kept edits of assumption values, by scenario and key (the pane shows them). */
  readonly keptInputs: readonly KeptInput[];
  /** Defined names left alone because they exist and are not the add-in's. */
  readonly skippedNames: readonly string[];
  readonly registry: Registry;
}

/**
 * What a failed build left in the workbook:
 * - `unchanged`: it stopped before writing anything;
 * - `restored`: writing failed part-way and everything it had changed was put back;
 * - `uncertain`: writing failed and putting things back failed too; the message says what
 *   may be half-written and lists the user's typed inputs so none is lost.
 */
export type WorkbookAfterFailure = "unchanged" | "restored" | "uncertain";

export type BuildResult =
  | { ok: true; report: BuildReport }
  | {
      ok: false;
      message: string;
      syncs: number;
      workbook: WorkbookAfterFailure;
      /** After an `uncertain` failure: the record to save, so the next refresh tells half-written values from the user's. */
      registry?: Registry;
    };
