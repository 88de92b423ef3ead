import { describe, expect, it } from "vitest";
import {
  assignedLiteral,
  matchLiteralEnd,
  readEmbeddedData,
  ScriptDataError,
} from "#scrapers/sources/script-data";

describe("matchLiteralEnd", () => {
  it("skips braces inside strings, escaped quotes and comments", () => {
    const source = `{"a": "}; not the end", "b": 'it\\'s }', /* } */ "c": [1, {"d": "\\"}"}] // }
}; trailing()`;
    const end = matchLiteralEnd(source, 0);
    expect(source.slice(end)).toBe("; trailing()");
  });

  it("refuses unbalanced and unterminated literals", () => {
    expect(() => matchLiteralEnd('{"a": [1, 2}', 0)).toThrow(ScriptDataError);
    expect(() => matchLiteralEnd('{"a": "open', 0)).toThrow(/not closed/);
    expect(() => matchLiteralEnd("x = 1", 0)).toThrow(/no object/);
  });
});

describe("assignedLiteral", () => {
  it("finds the assignment, not a mere mention or a longer name", () => {
    const script = `
      render(window.__STATS__);
      window.__STATS__OLD = {"old": true};
      window.__STATS__ = {"visits": [1, 2], "note": "};"};
      done();`;
    expect(JSON.parse(assignedLiteral(script, "window.__STATS__") ?? "null")).toEqual({
      visits: [1, 2],
      note: "};",
    });
    expect(assignedLiteral("var x = 1;", "window.__STATS__")).toBeUndefined();
  });
});

describe("readEmbeddedData", () => {
  it("prefers a JSON script tag", () => {
    const html = `<script type="application/json" id="stats-data">{"a": 1}</script>
      <script>window.__STATS__ = {"a": 2};</script>`;
    expect(
      readEmbeddedData(html, { jsonScriptId: "stats-data", variable: "window.__STATS__" }),
    ).toEqual({
      a: 1,
    });
  });

  it("falls back to the assignment", () => {
    const html = `<script src="/x.js"></script><script>var a = 1; window.__STATS__ = [{"a": 2}];</script>`;
    expect(
      readEmbeddedData(html, { jsonScriptId: "stats-data", variable: "window.__STATS__" }),
    ).toEqual([{ a: 2 }]);
  });

  it("says what it looked for when nothing is there, and refuses JS that is not JSON", () => {
    expect(() => readEmbeddedData("<p>no data</p>", { variable: "window.__STATS__" })).toThrow(
      "no <script> assigning window.__STATS__",
    );
    expect(() =>
      readEmbeddedData("<script>window.__STATS__ = {visits: 1};</script>", {
        variable: "window.__STATS__",
      }),
    ).toThrow(/window.__STATS__ is not JSON/);
  });
});
