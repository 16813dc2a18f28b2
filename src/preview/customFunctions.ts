/**
 * A test double of Excel's `CustomFunctions` runtime global: the Error class and its codes
 * behave as the real ones do (the message is kept only for #VALUE! and #N/A).
 */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    if (message !== undefined && code !== ErrorCode.invalidValue && code !== ErrorCode.notAvailable) {
      throw new Error(`Excel shows a message only on #VALUE! and #N/A, not on ${code}`);
    }
    this.code = code;
    this.name = "CustomFunctions.Error";
  }
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate: () => {
    throw new Error("associate is added by the webpack plugin, not called in tests");
  },
};
