/**
 * The pane's dialogs, with Fluent's Dialog (and its portal and motion) in a chunk of their own
 * that starts loading with the pane (see lazyPanel.ts): nothing is shown until a question is
 * asked, so the first paint does not wait for them. Same props as ConfirmDialog and NameDialog.
 */
import { Suspense } from "react";
import { preloadedLazy } from "../lazyPanel";
import type { ConfirmDialogProps } from "./ConfirmDialog";
import type { NameDialogProps } from "./NameDialog";

const Confirm = preloadedLazy(() => import(/* webpackChunkName: "dialogs" */ "./ConfirmDialog").then((m) => m.ConfirmDialog));
const Name = preloadedLazy(() => import(/* webpackChunkName: "dialogs" */ "./NameDialog").then((m) => m.NameDialog));

export type { ConfirmDialogProps, NameDialogProps };

export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Suspense fallback={null}>
      <Confirm {...props} />
    </Suspense>
  );
}

export function NameDialog(props: NameDialogProps) {
  return (
    <Suspense fallback={null}>
      <Name {...props} />
    </Suspense>
  );
}
