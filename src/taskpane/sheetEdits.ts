/**
 * Assumption values the user typed on CORZ Inputs that the last refresh kept: on the sheets they
 * win over the pane's scenario values, so the form shows them and says why the two differ.
 * Known from the latest build report (keptInputs), or, when the pane opens, from the record the
 * adapter saved of what it wrote (the user cells of its blocks of assumption values).
 */
import type { KeptInput } from "../excel/apply";
import { keptInputsOf, parseRegistry } from "../excel/registry";

/** An input value typed on the sheet and in force there: scenario, key, value (model unit), "Sheet!E12". */
export type SheetEdit = KeptInput;


export function sheetEditOf(edits: readonly SheetEdit[], scenario: string, key: string): SheetEdit | undefined {
  return edits.find((e) => e.scenario === scenario && e.key === key);
}

/** The kept input values recorded in a saved registry (the `corz.registry` setting); none when unreadable. */
export function sheetEditsFromRegistry(raw: unknown): SheetEdit[] {
  return keptInputsOf(parseRegistry(raw).registry);
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
