/** The custom functions' namespace: Excel shows a function as NAMESPACE.ID. Apart from catalog.ts so the pane's first chunk can name it without the catalogue. */
export const NAMESPACE = "CORZ";
