/** The task pane bundle's entry (webpack entry "taskpane"; taskpane.html has the container). */
import { boot } from "./boot";

boot(document.getElementById("container")).catch((err: unknown) => console.error("The task pane failed to start:", err));
