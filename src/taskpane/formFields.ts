/**
 * What the assumptions form shows of one scenario: each assumption's value in force and its
 * built-in default as the user would type them, whether it is changed or read-only, and any
 * refused typing (drafts.ts) or value typed on CORZ Inputs (sheetEdits.ts) the pane holds for
 * it. The scenarios themselves and their pure updates are src/model/paneState/.
 */
import { ASSUMPTIONS, AssumptionSpec } from "../model/assumptions";
import { fromExcelSerial, toIso } from "../model/dates";
import { BuiltInName, PaneState, isBuiltIn, scenarioDefault } from "../model/paneState";
import { resolveScenario } from "../model/scenarios";
import { Draft, draftOf } from "./drafts";
import { SheetEdit, sheetEditOf } from "./sheetEdits";

export interface FieldView {
  readonly spec: AssumptionSpec;
  /** The value in force, as the user would type it. */
  readonly text: string;
  /** The built-in case's value, as text. */
  readonly defaultText: string;
  readonly overridden: boolean;
  readonly readOnly: boolean;
  /** A value typed here that the model refused, held until fixed or taken back (drafts.ts). */
  readonly draft?: Draft;
  /** A value typed on CORZ Inputs that the sheets use instead of `text` (sheetEdits.ts). */
  readonly sheet?: { readonly text: string; readonly where: string };
}

/** What the pane holds beside the saved state and shows in the form. */
export interface HeldInputs {
  readonly drafts?: readonly Draft[];
  readonly sheetEdits?: readonly SheetEdit[];
}

/** A value in the model's unit as the user types it: dates as YYYY-MM-DD. */
export function formatValue(spec: AssumptionSpec, v: number): string {
  if (spec.kind === "date") {
    const d = fromExcelSerial(v);
    return d.ok ? toIso(d.value) : String(v);
  }
  return String(Math.round(v * 1e9) / 1e9);
}

/**
 * The form's view of one scenario: every assumption with its value, default and source, and
 * any refused typing or value typed on the sheet that the pane holds for it.
 */
export function fieldsOf(state: PaneState, name: string, held: HeldInputs = {}): FieldView[] {
  const user = state.scenarios.find((s) => s.name === name);
  const builtIn: BuiltInName = user ? user.basedOn : isBuiltIn(name) ? name : "base";
  // A built value (the discount rate) in force: the user's parts summed (setOverride keeps them valid).
  const resolved = user ? resolveScenario(user.basedOn, Object.entries(user.overrides)) : undefined;
  return ASSUMPTIONS.map((spec) => {
    const def = scenarioDefault(builtIn, spec.key);
    const own = spec.built
      ? spec.built.sumOf.some((k) => user?.overrides[k] !== undefined) && resolved?.ok
        ? resolved.value.values[spec.key]
        : undefined
      : user?.overrides[spec.key];
    const draft = draftOf(held.drafts ?? [], name, spec.key);
    const sheet = sheetEditOf(held.sheetEdits ?? [], name, spec.key);
    return {
      spec,
      text: formatValue(spec, own ?? def),
      defaultText: formatValue(spec, def),
      overridden: own !== undefined,
      readOnly: !user,
      ...(draft ? { draft } : {}),
      ...(sheet ? { sheet: { text: formatValue(spec, sheet.value), where: sheet.where } } : {}),
    };
  });
}
