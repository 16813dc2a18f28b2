/**
 * The Inputs sheet: every assumption in rows, scenarios side by side in columns (blue,
 * editable), a scenario selector with a dropdown, the live column picked with INDEX, and
 * each default's source and as-of date. A built assumption (the discount rate: reference yield
 * + spread) is a formula over its parts in every scenario column, black like every formula: its
 * row has no key in the input block, so a refresh never reads it as a typed value.
 */
import { ASSUMPTIONS, AssumptionGroup, BUILT_DECIMALS } from "../model/assumptions";
import { absCell, cell, columnLetter, sheetRef } from "./a1";
import { COLOURS, FORMATS, ROW, SheetNames, TEXT_FORMAT, consecutive, formatForUnit } from "./layout";
import { SheetBuilder } from "./sheet";
import { CellContent, NamePlan, SheetPlan } from "./types";
import { PlanScenario } from "./scenario";

/** Rows above the assumptions: the scenario selector, the live column's index, a blank row, the header; then the first assumption. */
const INPUT_ROWS = consecutive(["selectorRow", "indexRow", null, "headerRow", "firstRow"] as const, 3);
/** Columns: key, label, unit, the live column, then one column per scenario. */
const INPUT_COLS = consecutive(["keyCol", "labelCol", "unitCol", "liveCol", "firstScenarioCol"] as const, 1);
export const INPUTS = { ...INPUT_ROWS, ...INPUT_COLS } as const;

/** White: a cell of the input block that is not an input. */
const NO_FILL = "#FFFFFF";

const GROUP_TITLES: Record<AssumptionGroup, string> = {
  deal: "Deal",
  margins: "Margins",
  capacity: "Capacity",
  finance: "Finance",
};

export interface InputsLayout {
  readonly sheet: SheetPlan;
  readonly names: NamePlan[];
  /** Row of each assumption key. */
  readonly rowOf: Readonly<Record<string, number>>;
  /** Inputs column of each scenario block: index 0 is the live column, then the scenarios in order. */
  readonly columns: readonly number[];
  /** `'CORZ Inputs'!$E$12` for an assumption in a column. */
  ref(key: string, col: number): string;
  /** `'CORZ Inputs'!$D$3`: the selected scenario's name. */
  readonly selectorRef: string;
}

/** Where the scenario columns are: the first, the last and the header cells holding their names. */
interface ScenarioColumns {
  readonly count: number;
  readonly last: number;
  /** "$E$6:$G$6": the scenario names, the selector's list. */
  readonly header: string;
}

export function buildInputs(names: SheetNames, scenarios: readonly PlanScenario[], masterCheck: string): InputsLayout {
  const name = names.inputs;
  const sheet = new SheetBuilder("inputs", name, "#2F5597");
  const last = INPUTS.firstScenarioCol + scenarios.length - 1;
  const cols: ScenarioColumns = { count: scenarios.length, last, header: `${absCell(INPUTS.headerRow, INPUTS.firstScenarioCol)}:${absCell(INPUTS.headerRow, last)}` };
  const sourceCol = last + 1;

  sheet.block("title", ROW.title, 1, "title", [["CORZ — Inputs: Core Scientific / CoreWeave HPC hosting"]]);
  sheet.block("check", ROW.check, 1, "check", [[masterCheck]]);
  selectorBlocks(sheet, scenarios, cols);
  sheet.block("header", INPUTS.headerRow, 1, "header", [
    ["Key", "Assumption", "Unit", "Live", ...scenarios.map((s) => s.name), "Source", "As of", "Note"],
  ]);
  const rowOf = assumptionRows(sheet, scenarios, cols);
  sheet.format(`${cell(INPUTS.indexRow, INPUTS.liveCol)}`, { numberFormat: FORMATS.int });
  sheet.columnWidths([
    { column: "A", width: 26 },
    { column: "B", width: 44 },
    { column: "C", width: 9 },
    ...Array.from({ length: cols.count + 1 }, (_, i) => ({ column: columnLetter(INPUTS.liveCol + i), width: 13 })),
    { column: columnLetter(sourceCol), width: 70 },
    { column: columnLetter(sourceCol + 1), width: 11 },
    { column: columnLetter(sourceCol + 2), width: 60 },
  ]);
  sheet.freeze(INPUTS.headerRow, INPUTS.liveCol);

  const columns = [INPUTS.liveCol, ...scenarios.map((_, i) => INPUTS.firstScenarioCol + i)];
  return {
    sheet: sheet.build(),
    names: definedNames(name, rowOf),
    rowOf,
    columns,
    ref: (key, col) => {
      const r = rowOf[key];
      if (r === undefined) throw new Error(`no Inputs row for ${key}`);
      return sheetRef(name, absCell(r, col));
    },
    selectorRef: sheetRef(name, absCell(INPUTS.selectorRow, INPUTS.liveCol)),
  };
}

/** The scenario selector (a dropdown of the scenario names), the live column's position and the legend. */
function selectorBlocks(sheet: SheetBuilder, scenarios: readonly PlanScenario[], cols: ScenarioColumns): void {
  sheet.block("selector.label", INPUTS.selectorRow, 1, "label", [
    ["Scenario shown (pick from the list)", null, "name"],
    ["Live column (position of the selected scenario)", null, "#"],
  ]);
  const selector = sheet.block("selector", INPUTS.selectorRow, INPUTS.liveCol, "input", [[scenarios[0].name]], {
    rows: ["selected"],
    cols: ["scenario"],
    accept: { all: { kind: "scenario" }, choice: true },
  });
  sheet.validation(selector, `=${cols.header}`);
  sheet.block("selector.index", INPUTS.indexRow, INPUTS.liveCol, "calc", [[`=MATCH(${absCell(INPUTS.selectorRow, INPUTS.liveCol)},${cols.header},0)`]]);
  sheet.block("legend", INPUTS.selectorRow, INPUTS.firstScenarioCol, "note", [
    ["Blue cells on yellow are inputs: type over them. Black cells are formulas, green cells link to other sheets."],
    ["Dates are Excel dates; rates are decimals shown as %; money in USD shown in millions."],
  ]);
}

/**
 * The assumption rows: a title row per group, then each assumption's key, label and unit, its
 * live value, its value in every scenario (a built one as the formula over its parts) and its
 * source. Returns the row of each assumption key.
 */
function assumptionRows(sheet: SheetBuilder, scenarios: readonly PlanScenario[], cols: ScenarioColumns): Record<string, number> {
  const rowOf: Record<string, number> = {};
  const rowKeys: (string | null)[] = [];
  const labels: CellContent[][] = [];
  const live: CellContent[][] = [];
  const values: CellContent[][] = [];
  const notes: CellContent[][] = [];
  const groupRows: number[] = [];
  const builtRows: number[] = [];
  let row = INPUTS.firstRow;
  let group: AssumptionGroup | undefined;
  for (const a of ASSUMPTIONS) {
    if (a.group !== group) {
      group = a.group;
      groupRows.push(row);
      labels.push([GROUP_TITLES[a.group], null, null]);
      live.push([null]);
      values.push(scenarios.map(() => null));
      notes.push([null, null, null]);
      rowKeys.push(null);
      row++;
    }
    rowKeys.push(a.built ? null : a.key);
    rowOf[a.key] = row;
    labels.push([a.key, a.label, a.unit]);
    const rowRange = `${absCell(row, INPUTS.firstScenarioCol)}:${absCell(row, cols.last)}`;
    live.push([`=INDEX(${rowRange},1,${absCell(INPUTS.indexRow, INPUTS.liveCol)})`]);
    const built = a.built;
    if (built) {
      // Its parts come first in the registry, so their rows are known.
      values.push(scenarios.map((_, j) => `=ROUND(${built.sumOf.map((k) => cell(rowOf[k], INPUTS.firstScenarioCol + j)).join("+")},${BUILT_DECIMALS})`));
      builtRows.push(row);
    } else {
      values.push(scenarios.map((s) => s.values[a.key]));
    }
    notes.push([a.source, a.asOf, a.note ?? null]);
    sheet.format(`${cell(row, INPUTS.liveCol)}:${cell(row, cols.last)}`, { numberFormat: formatForUnit(a.unit) });
    row++;
  }
  sheet.block("labels", INPUTS.firstRow, 1, "label", labels);
  sheet.block("live", INPUTS.firstRow, INPUTS.liveCol, "calc", live);
  // Each row's values are the assumption its key names, in the scenario its column names (a built row has no key).
  sheet.block("values", INPUTS.firstRow, INPUTS.firstScenarioCol, "input", values, { rows: rowKeys, cols: scenarios.map((s) => s.name), accept: { all: { kind: "assumption" } } });
  // A built row is formulas, not inputs: black on no fill (after the block's input style, so it wins).
  for (const r of builtRows) sheet.format(`${cell(r, INPUTS.firstScenarioCol)}:${cell(r, cols.last)}`, { fontColor: COLOURS.calc, fill: NO_FILL });
  const sources = sheet.block("sources", INPUTS.firstRow, cols.last + 1, "note", notes);
  // Text, so Excel keeps "2024-06" as written instead of turning it into a date.
  sheet.format(sources, { numberFormat: TEXT_FORMAT });
  for (const r of groupRows) {
    sheet.format(`${cell(r, 1)}:${cell(r, cols.last + 3)}`, { bold: true, fill: COLOURS.headerFill, fontColor: COLOURS.calc });
  }
  return rowOf;
}

/** A defined name for every assumption's live value, and one for the selected scenario. */
function definedNames(sheet: string, rowOf: Readonly<Record<string, number>>): NamePlan[] {
  return [
    ...ASSUMPTIONS.map((a) => ({
      name: `CORZ_${a.key}`,
      sheet,
      range: absCell(rowOf[a.key], INPUTS.liveCol),
      comment: `${a.label} (${a.unit}), live scenario`,
    })),
    { name: "CORZ_scenario", sheet, range: absCell(INPUTS.selectorRow, INPUTS.liveCol), comment: "Selected scenario" },
  ];
}
