/**
 * Assumption values the user typed on CORZ Inputs that the last refresh kept: on the sheets they
 * win over the pane's scenario values, so the form shows them and says why the two differ.
 * Known from the latest build report (keptInputs), or, when the pane opens, from the record the
 * adapter saved of what it wrote (the registry's "inputs.values" block and its user cells).
 */
import type { KeptInput } from "../excel/apply";
import { parseRegistry } from "../excel/registry";
import { assumptionSpec } from "../model/assumptions";
import { validateAssumption } from "../model/scenarios";
import { parseCell, rangeOf } from "../plan/a1";

/** An input value typed on the sheet and in force there: scenario, key, value (model unit), "Sheet!E12". */
export type SheetEdit = KeptInput;

export const INPUT_VALUES_BLOCK = "inputs.values";

export function sheetEditOf(edits: readonly SheetEdit[], scenario: string, key: string): SheetEdit | undefined {
  return edits.find((e) => e.scenario === scenario && e.key === key);
}

/**
 * The kept input values recorded in a saved registry (the `corz.registry` setting): each user
 * cell "row|col" of the inputs block is an assumption key and a scenario, its value the one at
 * that position. Anything unreadable gives none: the next refresh reports them again.
 */
export function sheetEditsFromRegistry(raw: unknown): SheetEdit[] {
  const { registry } = parseRegistry(raw);
  const block = registry.blocks?.[INPUT_VALUES_BLOCK];
  const sheet = block ? registry.sheets[block.sheet]?.name : undefined;
  if (!block || !sheet) return [];
  const out: SheetEdit[] = [];
  try {
    const origin = parseCell(block.range.split(":")[0]);
    for (const cell of block.userCells) {
      const [key, scenario] = cell.split("|");
      const i = block.rows.indexOf(key);
      const j = block.cols.indexOf(scenario);
      const spec = assumptionSpec(key);
      if (i < 0 || j < 0 || !spec) continue;
      const v = validateAssumption(spec, block.values[i][j]);
      if (v.ok) out.push({ scenario, key, value: v.value, where: `${sheet}!${rangeOf(origin.row + i, origin.col + j, 1, 1)}` });
    }
  } catch {
    // A record not shaped as the adapter writes it: show none; the next refresh reports them.
    return [];
  }
  return out;
}

/**
 * What a field says when the sheets use a value typed on CORZ Inputs rather than the scenario's:
 * where it was typed, both values, and what puts the scenario's back. An editable field adds that
 * the sheet's value still wins over whatever is typed in the form, until edited inputs are reset.
 */
export function sheetNote(sheet: { readonly text: string; readonly where: string }, scenarioText: string, editable: boolean): string {
  const reset = "“Refresh and reset edited inputs”";
  if (sheet.text === scenarioText) return `Typed on ${sheet.where}: the sheets keep ${sheet.text} as typed there, the same as this scenario's value, until ${reset}.`;
  const differ = `Typed on ${sheet.where}: the sheets use ${sheet.text}, not this scenario's ${scenarioText}.`;
  return editable
    ? `${differ} The value typed on the sheet still wins at the next refresh, whatever you type here, unless you use ${reset}, which puts this scenario's value back.`
    : `${differ} ${reset} puts ${scenarioText} back.`;
}
