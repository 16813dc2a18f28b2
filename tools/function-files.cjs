// The files that declare CORZ custom functions (JSDoc @customfunction), in the order Excel
// lists them. webpack's metadata plugin, the README reference, the task pane catalogue and the
// tests all read this one list. Add a file here when you add one under src/functions/.
const path = require("path");

const FUNCTION_FILES = ["functions.ts", "peers.ts", "customers.ts", "mining.ts", "risk.ts", "valuation.ts", "leases.ts"].map((f) => path.join(__dirname, "..", "src", "functions", f));

module.exports = { FUNCTION_FILES };
