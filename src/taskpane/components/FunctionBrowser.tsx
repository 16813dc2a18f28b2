/**
 * The function browser, like a formula builder in a data terminal's add-in: filter the CORZ
 * functions, pick one, fill in its arguments and insert the formula into the active cell,
 * asking before replacing what the cell holds.
 */
import { Body1, Field, MessageBar, MessageBarBody, SearchBox, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { FunctionInfo, searchFunctions } from "../catalog";
import type { InsertApi } from "../hooks/useInsertFormula";
import { PaneSection } from "../sections";
import { sentence } from "../text";
import { ConfirmDialog } from "./dialogs";
import { FormulaBuilder } from "./FormulaBuilder";
import { FunctionList } from "./FunctionList";

const useStyles = makeStyles({
  current: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

export interface FunctionBrowserProps {
  readonly functions: readonly FunctionInfo[];
  readonly insert: InsertApi;
}

export function FunctionBrowser({ functions, insert }: FunctionBrowserProps) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<FunctionInfo | undefined>();
  const shown = searchFunctions(functions, query);
  const listArea = useRef<HTMLDivElement>(null);
  // Closing the builder puts the focus back on the function's button in the list.
  const close = (id: string) => {
    setPicked(undefined);
    listArea.current?.querySelector<HTMLElement>(`[data-function="${id}"]`)?.focus();
  };

  return (
    <PaneSection id="functions">
      <Field label="Filter functions" hint="By name, description or argument.">
        <SearchBox value={query} onChange={(_, data) => setQuery(data.value)} />
      </Field>
      {picked && (
        <FormulaBuilder
          key={picked.id}
          fn={picked}
          unavailable={insert.unavailable}
          busy={insert.busy}
          onInsert={(f) => void insert.insert(f)}
          onClose={() => close(picked.id)}
        />
      )}
      <div aria-live="polite">
        {insert.outcome?.kind === "inserted" && (
          <MessageBar intent="success">
            <MessageBarBody>Inserted {insert.outcome.formula} into the active cell.</MessageBarBody>
          </MessageBar>
        )}
        {insert.outcome?.kind === "kept" && (
          <MessageBar intent="info">
            <MessageBarBody>The active cell was left as it was.</MessageBarBody>
          </MessageBar>
        )}
        {insert.outcome?.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>The formula was not inserted: {sentence(insert.outcome.message)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div ref={listArea}>
        {shown.length === 0 ? (
          <Body1 role="status">No function matches “{query}”.</Body1>
        ) : (
          <FunctionList functions={shown} picked={picked?.id} onPick={setPicked} />
        )}
      </div>
      <ConfirmDialog
        open={insert.asking}
        title="Replace the active cell?"
        confirmLabel="Replace"
        cancelLabel="Keep it"
        onConfirm={() => void insert.answer(true)}
        onCancel={() => void insert.answer(false)}
      >
        The active cell holds <span className={styles.current}>{insert.question?.current ?? ""}</span>; replace it with{" "}
        <span className={styles.current}>{insert.question?.formula ?? ""}</span>?
      </ConfirmDialog>
    </PaneSection>
  );
}
