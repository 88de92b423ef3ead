import { describe, expect, it } from "vitest";
import { databasePath, defaultDatabasePath, UnsupportedDatabaseError } from "#db/client";

describe("DATABASE_URL", () => {
  it("names a SQLite file as a path, file: or sqlite: URL", () => {
    expect(databasePath(undefined)).toBe(defaultDatabasePath);
    expect(databasePath("")).toBe(defaultDatabasePath);
    expect(databasePath("/var/lib/channelscope/app.db")).toBe("/var/lib/channelscope/app.db");
    expect(databasePath("file:./data/x.db")).toBe("./data/x.db");
    expect(databasePath("sqlite:./data/x.db")).toBe("./data/x.db");
    expect(databasePath("sqlite:///srv/x.db")).toBe("/srv/x.db");
    expect(databasePath(":memory:")).toBe(":memory:");
  });

  it("refuses a PostgreSQL URL instead of creating a file of that name", () => {
    for (const url of ["postgres://app@db/channelscope", "postgresql://localhost:5432/cs"]) {
      expect(() => databasePath(url)).toThrow(UnsupportedDatabaseError);
      expect(() => databasePath(url)).toThrow(/PostgreSQL/);
    }
  });
});
