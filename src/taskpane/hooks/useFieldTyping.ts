/**
 * The text in an assumption's box: the user's typing until committed (Enter, or the box losing
 * focus) or taken back (Escape), else what the pane holds for the field.
 */
import { useState } from "react";
import { boxValue, inForce, sameValue } from "../assumptionText";
import type { FieldView } from "../formFields";

export function useFieldTyping(field: FieldView, onCommit: (raw: string) => unknown, onClearDraft: () => void) {
  const held = boxValue(field);
  const [text, setText] = useState(held);
  // When what the pane holds changes (a commit, a reset, a draft taken back), the box shows it.
  const [shown, setShown] = useState(held);
  if (shown !== held) {
    setShown(held);
    setText(held);
  }
  const commit = () => {
    if (field.readOnly) return;
    if (sameValue(field.spec, text, field.text)) {
      // The value in force typed back (or never changed): nothing to save, any refused typing is dropped.
      onClearDraft();
      setText(inForce(field));
    } else if (text.trim() !== field.draft?.raw) onCommit(text);
  };
  const escape = () => {
    setText(inForce(field));
    onClearDraft();
  };
  return { text, setText, commit, escape };
}
