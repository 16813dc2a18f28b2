/** The task pane's contact with Office: where it runs and which theme, with or without Office.js. */
import { currentThemeKind, isDarkColour, waitForOffice } from "../../src/taskpane/hooks/office";

type FakeOffice = { onReady?: () => Promise<unknown>; context?: unknown };
const setOffice = (office: FakeOffice | undefined) => {
  if (office === undefined) delete (globalThis as { Office?: unknown }).Office;
  else (globalThis as { Office?: unknown }).Office = office;
};

afterEach(() => setOffice(undefined));

describe("waitForOffice", () => {
  test("without Office.js: not in Excel, at once", async () => {
    await expect(waitForOffice()).resolves.toEqual({ inExcel: false, reason: expect.stringContaining("outside Office") });
  });

  test("Office reports Excel: in Excel", async () => {
    setOffice({ onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }) });
    await expect(waitForOffice()).resolves.toEqual({ inExcel: true });
  });

  test("Office.js in a plain browser reports no host: not in Excel", async () => {
    setOffice({ onReady: () => Promise.resolve({ host: null, platform: null }) });
    await expect(waitForOffice()).resolves.toEqual({ inExcel: false, reason: expect.stringContaining("browser") });
  });

  test("another Office host: not in Excel, and says which", async () => {
    setOffice({ onReady: () => Promise.resolve({ host: "Word", platform: "PC" }) });
    await expect(waitForOffice()).resolves.toEqual({ inExcel: false, reason: expect.stringContaining("Word") });
  });

  test("onReady failing or never answering: not in Excel, never a rejection", async () => {
    setOffice({ onReady: () => Promise.reject(new Error("boom")) });
    await expect(waitForOffice()).resolves.toEqual({ inExcel: false, reason: expect.stringContaining("boom") });
    setOffice({ onReady: () => new Promise(() => undefined) });
    await expect(waitForOffice(20)).resolves.toEqual({ inExcel: false, reason: expect.stringContaining("did not report ready") });
  });
});

describe("theme", () => {
  test.each([
    ["#000000", true],
    ["#1f1f1f", true],
    ["#262626", true],
    ["#fff", false],
    ["#ffffff", false],
    ["#f3f2f1", false],
    ["not a colour", false],
  ])("isDarkColour(%s) is %s", (colour, dark) => {
    expect(isDarkColour(colour)).toBe(dark);
  });

  test("follows Office's body background, light without Office", () => {
    expect(currentThemeKind()).toBe("light");
    setOffice({ context: { officeTheme: { bodyBackgroundColor: "#1f1f1f" } } });
    expect(currentThemeKind()).toBe("dark");
    setOffice({ context: { officeTheme: { bodyBackgroundColor: "#ffffff" } } });
    expect(currentThemeKind()).toBe("light");
    setOffice({ context: undefined });
    expect(currentThemeKind()).toBe("light");
  });
});
