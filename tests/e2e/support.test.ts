/**
 * The browser tests' own machinery, without a browser: the static server (content types, no
 * escape from its folder, a clean close), the PNG reader, and the bundled Office double run in a
 * bare `window` (settings call back "succeeded", associations are recorded, Excel.run reaches the
 * one ExcelDouble).
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { contentType, officeDoubleScript, pngSize, serveDirectory } from "../support/browser";

function get(url: string, rawPath?: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = http.get({ host: u.hostname, port: u.port, path: rawPath ?? u.pathname, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
    });
    req.on("error", reject);
  });
}

describe("serveDirectory", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "corz-serve-"));
    fs.mkdirSync(path.join(dir, "assets"));
    fs.writeFileSync(path.join(dir, "taskpane.html"), "<!doctype html><title>t</title>");
    fs.writeFileSync(path.join(dir, "taskpane.js"), "void 0;");
    fs.writeFileSync(path.join(dir, "functions.json"), "{}");
    fs.writeFileSync(path.join(dir, "assets", "icon 16.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("serves files with their content types on 127.0.0.1, and 404 for the rest", async () => {
    const server = await serveDirectory(dir);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      await expect(get(`${server.url}taskpane.html`)).resolves.toEqual({ status: 200, type: "text/html; charset=utf-8", body: "<!doctype html><title>t</title>" });
      expect((await get(`${server.url}taskpane.js`)).type).toBe("text/javascript; charset=utf-8");
      expect((await get(`${server.url}functions.json`)).type).toBe("application/json; charset=utf-8");
      expect(await get(`${server.url}assets/icon%2016.png`)).toMatchObject({ status: 200, type: "image/png" });
      expect((await get(`${server.url}missing.js`)).status).toBe(404);
      expect((await get(`${server.url}assets`)).status).toBe(404);
      expect(server.log).toContain("GET /taskpane.html 200");
    } finally {
      await server.close();
    }
  });

  test("never serves a file outside its folder", async () => {
    const outside = path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`);
    fs.writeFileSync(outside, "secret");
    const server = await serveDirectory(dir);
    try {
      const name = path.basename(outside);
      for (const p of [`/../${name}`, `/..%2f${name}`, `/%2e%2e/${name}`, `/assets/..%2f..%2f${name}`, "/%00", "/%E0%A4%A"]) {
        const r = await get(server.url, p);
        expect({ path: p, refused: r.status >= 400 && !r.body.includes("secret") }).toEqual({ path: p, refused: true });
      }
    } finally {
      await server.close();
      fs.rmSync(outside, { force: true });
    }
  });

  test("close() ends open keep-alive connections instead of waiting for them", async () => {
    const server = await serveDirectory(dir);
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => http.get(`${server.url}taskpane.js`, { agent }, (res) => res.resume().on("end", resolve)).on("error", reject));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
    agent.destroy();
  });
});

test("content types", () => {
  expect(contentType("a/b/manifest.xml")).toBe("application/xml; charset=utf-8");
  expect(contentType("icon.SVG")).toBe("image/svg+xml");
  expect(contentType("LICENSE")).toBe("application/octet-stream");
});

test("pngSize reads a PNG's width and height and rejects anything else", () => {
  const header = Buffer.alloc(24);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write("IHDR", 12, "latin1");
  header.writeUInt32BE(360, 16);
  header.writeUInt32BE(900, 20);
  expect(pngSize(header)).toEqual({ width: 360, height: 900 });
  expect(() => pngSize(Buffer.from("GIF89a and more bytes to be long enough"))).toThrow("not a PNG");
});

describe("the bundled Office double", () => {
  type Win = Record<string, any>;
  let script: string;
  beforeAll(() => {
    script = officeDoubleScript();
  });

  /** Runs the bundle in a fresh context whose global is its `window`, as a page would. */
  function load(options?: unknown): Win {
    const sandbox: Win = { setTimeout, console };
    sandbox.window = sandbox;
    if (options !== undefined) sandbox.__officeDoubleOptions = options;
    vm.runInNewContext(script, sandbox);
    return sandbox;
  }

  test("Office reports Excel on the web, with a light theme and the async status names", async () => {
    const w = load();
    await expect(w.Office.onReady()).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(w.Office.AsyncResultStatus.Succeeded).toBe("succeeded");
    expect(w.Office.context.officeTheme).toMatchObject({ bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000" });
    const called = await new Promise((resolve) => w.Office.onReady(resolve));
    expect(called).toEqual({ host: "Excel", platform: "OfficeOnline" });
  });

  test("options set before the script change the host, the theme, the sheets and the settings", async () => {
    const w = load({ host: null, theme: { bodyBackgroundColor: "#1f1f1f" }, sheets: { Sheet1: { A1: 5 } }, settings: { k: "v" } });
    await expect(w.Office.onReady()).resolves.toEqual({ host: null, platform: "OfficeOnline" });
    expect(w.Office.context.officeTheme.bodyBackgroundColor).toBe("#1f1f1f");
    expect(w.__excelDouble.sheets.map((s: { name: string }) => s.name)).toEqual(["Sheet1"]);
    expect(w.__excelDouble.active).toEqual({ sheet: "Sheet1", cell: "A1" });
    expect(w.Office.context.document.settings.get("k")).toBe("v");
  });

  test("settings: set changes the document's copy, saveAsync persists it and calls back later with succeeded", async () => {
    const w = load();
    const s = w.Office.context.document.settings;
    expect(s.get("missing")).toBeNull();
    const value = { a: [1, 2] };
    s.set("x", value);
    value.a.push(3);
    expect(s.get("x")).toEqual({ a: [1, 2] });
    expect([...w.__settings.saved.keys()]).toEqual([]);
    let returned = false;
    const result = new Promise<{ r: { status: string }; afterReturn: boolean }>((resolve) => s.saveAsync((r: { status: string }) => resolve({ r, afterReturn: returned })));
    returned = true;
    const { r, afterReturn } = await result;
    expect(afterReturn).toBe(true);
    expect(r.status).toBe(w.Office.AsyncResultStatus.Succeeded);
    expect(w.__settings.saved.get("x")).toEqual({ a: [1, 2] });
  });

  test("Excel.run runs batches against the one ExcelDouble", async () => {
    const w = load();
    await w.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.add("Mine");
      await ctx.sync();
    });
    expect(w.__excelDouble.sheets.map((s: { name: string }) => s.name)).toEqual(["Mine"]);
  });

  test("CustomFunctions: associate records each id once, in both forms; Error keeps messages only where Excel shows them", () => {
    const w = load();
    const f = () => 1;
    w.CustomFunctions.associate("A", f);
    w.CustomFunctions.associate({ B: f, C: f });
    expect(Object.keys(w.__associations)).toEqual(["A", "B", "C"]);
    expect(() => w.CustomFunctions.associate("A", f)).toThrow("associated twice");
    expect(() => w.CustomFunctions.associate("D", undefined)).toThrow("expected an id and a function");
    const e = new w.CustomFunctions.Error(w.CustomFunctions.ErrorCode.invalidValue, "why");
    expect([e.code, e.message]).toEqual(["#VALUE!", "why"]);
    expect(() => new w.CustomFunctions.Error(w.CustomFunctions.ErrorCode.invalidNumber, "why")).toThrow();
  });
});
