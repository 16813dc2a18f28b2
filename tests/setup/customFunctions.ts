/** Jest setup: the `CustomFunctions` runtime global (its double lives in src/preview, which the preview page also uses). */
import "../../src/preview/customFunctions";
