/**
 * Putting a formula into the active cell: the gateway asks first when the cell is not empty,
 * and the pane then asks the user; the cell is replaced only on a yes.
 */
import { useState } from "react";
import type { WorkbookGateway } from "../../excel/gateway";

export type InsertOutcome =
  | { readonly kind: "inserted"; readonly formula: string }
  | { readonly kind: "kept"; readonly current: string }
  | { readonly kind: "failed"; readonly message: string };

export interface InsertApi {
  /** Why Insert is not possible (outside Excel), or undefined when it is. */
  readonly unavailable?: string;
  readonly busy: boolean;
  /** Whether the pane is asking `question` now. */
  readonly asking: boolean;
  /** The last question: the active cell holds `current`; replace it with `formula`? (kept after the answer, for the dialog's fade-out) */
  readonly question?: { readonly formula: string; readonly current: string };
  readonly outcome?: InsertOutcome;
  insert(formula: string): Promise<void>;
  /** The user's answer to `question`. */
  answer(replace: boolean): Promise<void>;
}

export function useInsertFormula(gateway: WorkbookGateway | undefined): InsertApi {
  const [busy, setBusy] = useState(false);
  const [question, setQuestion] = useState<InsertApi["question"]>();
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<InsertOutcome | undefined>();

  const attempt = async (formula: string, overwrite: boolean) => {
    if (!gateway) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const r = await gateway.insertFormula(formula, overwrite);
      if (r.ok) setOutcome({ kind: "inserted", formula });
      else if (r.needsConfirm) {
        setQuestion({ formula, current: r.current });
        setAsking(true);
      } else setOutcome({ kind: "failed", message: r.message });
    } catch (e) {
      setOutcome({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return {
    unavailable: gateway ? undefined : "Insert needs Excel: open the add-in from Excel to put a formula into a cell. You can copy the formula instead.",
    busy,
    asking,
    question,
    outcome,
    insert: (formula) => attempt(formula, false),
    answer: async (replace) => {
      if (!asking || !question) return;
      setAsking(false);
      if (replace) await attempt(question.formula, true);
      else setOutcome({ kind: "kept", current: question.current });
    },
  };
}
