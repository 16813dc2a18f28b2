/**
 * Asks for a scenario name (new, duplicate, rename). Enter submits; a refused name stays in
 * the box with the reason under it; Escape or Cancel closes without a change.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from "@fluentui/react-components";
import { FormEvent, useState } from "react";
import { MAX_NAME_LENGTH } from "../../model/paneState";
import { sentence } from "../text";

export interface NameDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly initialName: string;
  readonly submitLabel: string;
  /** Makes the change; returns why the name was refused, or undefined. */
  onSubmit(name: string): string | undefined;
  onClose(): void;
  /** The dialog has finished closing (its fade-out is over and it is gone): focus can move. */
  onClosed?(): void;
}

export function NameDialog({ open, onClose, onClosed, ...form }: NameDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => !data.open && onClose()}
      surfaceMotion={{ onMotionFinish: (_, data) => data.direction === "exit" && onClosed?.() }}
    >
      <DialogSurface>
        <NameForm {...form} onClose={onClose} />
      </DialogSurface>
    </Dialog>
  );
}

function NameForm({ title, initialName, submitLabel, onSubmit, onClose }: Omit<NameDialogProps, "open">) {
  const [name, setName] = useState(initialName);
  const [refusal, setRefusal] = useState<string | undefined>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const why = onSubmit(name);
    if (why) setRefusal(sentence(why));
    else onClose();
  };

  return (
    <form onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Field
            label="Scenario name"
            required
            validationState={refusal ? "error" : "none"}
            validationMessage={refusal}
            hint={`Up to ${MAX_NAME_LENGTH} characters; it becomes a column on the Inputs sheet.`}
          >
            <Input
              value={name}
              autoFocus
              onChange={(_, data) => {
                setName(data.value);
                setRefusal(undefined);
              }}
            />
          </Field>
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary">
            {submitLabel}
          </Button>
          <Button appearance="secondary" onClick={onClose}>
            Cancel
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
