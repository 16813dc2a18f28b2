/**
 * Values typed into the form that the model refused, kept by scenario and assumption until the
 * user fixes them (a valid value), takes them back (Escape) or resets the field. While any is
 * held, Build and Refresh refuse and say which, so a bad value is never silently dropped.
 * Pure data and pure updates; the pane keeps the list in React state (usePaneState).
 */
import { assumptionSpec } from "../model/assumptions";
import { plural } from "./text";

export interface Draft {
  readonly scenario: string;
  /** Assumption key. */
  readonly key: string;
  /** What the user typed. */
  readonly raw: string;
  /** The model's reason for refusing it (validateAssumption's message). */
  readonly reason: string;
}

const same = (d: Draft, scenario: string, key: string) => d.scenario === scenario && d.key === key;

export function draftOf(drafts: readonly Draft[], scenario: string, key: string): Draft | undefined {
  return drafts.find((d) => same(d, scenario, key));
}

/** Holds `draft`, replacing any earlier one for the same field (which keeps its place in the list). */
export function putDraft(drafts: readonly Draft[], draft: Draft): Draft[] {
  const i = drafts.findIndex((d) => same(d, draft.scenario, draft.key));
  return i < 0 ? [...drafts, draft] : drafts.map((d, j) => (j === i ? draft : d));
}

export function clearDraft(drafts: readonly Draft[], scenario: string, key: string): Draft[] {
  return drafts.filter((d) => !same(d, scenario, key));
}

/** A renamed scenario keeps its drafts under the new name. */
export function renameDrafts(drafts: readonly Draft[], from: string, to: string): Draft[] {
  return drafts.map((d) => (d.scenario === from ? { ...d, scenario: to } : d));
}

/** A deleted scenario's drafts go with it. */
export function dropDrafts(drafts: readonly Draft[], scenario: string): Draft[] {
  return drafts.filter((d) => d.scenario !== scenario);
}

/** "Tranche 1 (initial contracts): critical IT load (t1_mw)": the label the form shows, and the key. */
export function fieldName(key: string): string {
  const spec = assumptionSpec(key);
  return spec ? `${spec.label} (${key})` : key;
}

/**
 * The reason without what the rest of the line already says: the model's messages start with
 * the key and end with the value typed ("t1_mw must be … , got "-5"").
 */
export function shortReason(d: Draft): string {
  const r = d.reason.startsWith(`${d.key} `) ? d.reason.slice(d.key.length + 1) : d.reason;
  return r.replace(/, got .*$/s, "");
}

/** One refused field, for the list beside the Build panel and the refusal: `"Mine" · Label (key) = "-5": why`. */
export function describeDraft(d: Draft): string {
  return `"${d.scenario}" · ${fieldName(d.key)} = "${d.raw}": ${shortReason(d)}`;
}

/** Why Build and Refresh refuse while drafts are held, naming every one; undefined when none. */
export function draftRefusal(drafts: readonly Draft[]): string | undefined {
  if (drafts.length === 0) return undefined;
  const n = drafts.length;
  return `Build refused: ${plural(n, "field")} ${n === 1 ? "is" : "are"} not valid — ${drafts.map(describeDraft).join("; ")}. Correct ${n === 1 ? "it" : "them"} or press Escape in the field to take the typing back.`;
}
