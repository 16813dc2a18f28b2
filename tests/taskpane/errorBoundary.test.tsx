/** A render error shows a message and a way to carry on, not an empty pane. */
import { fireEvent, render, screen } from "@testing-library/react";
import { ErrorBoundary } from "../../src/taskpane/components/ErrorBoundary";

let fail = true;
function Flaky() {
  if (fail) throw new Error("something broke.");
  return <p>all good</p>;
}

test("the error is shown with its message; Try again renders the pane again", () => {
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  render(
    <ErrorBoundary>
      <Flaky />
    </ErrorBoundary>,
  );
  expect(screen.getByText("The task pane hit an error")).toBeTruthy();
  expect(screen.getByText(/something broke\. Your workbook was not changed\./)).toBeTruthy();
  fail = false;
  fireEvent.click(screen.getByText("Try again"));
  expect(screen.getByText("all good")).toBeTruthy();
  spy.mockRestore();
});
