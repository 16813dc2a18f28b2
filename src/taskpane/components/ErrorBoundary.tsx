/**
 * The last line of defence: an error while rendering shows what happened and a way to carry
 * on, instead of an empty task pane. The workbook is never touched by a render error.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Component, ReactNode } from "react";

interface State {
  readonly error?: Error;
}

export class ErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The task pane hit an error</MessageBarTitle>
          {error.message} Your workbook was not changed. <Button onClick={() => this.setState({ error: undefined })}>Try again</Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
}
