/**
 * The scope's raw-SQL helper: hand-written queries name the workspace as @workspace and the
 * scope binds it, so one workspace's query never sees another's rows and no call site
 * passes the id itself.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { setUpTestDb } from "../../helpers/test-db";
import { addCustomer, addWorkspace } from "../segments/fixtures";

const { db } = setUpTestDb();
const north = addWorkspace(db, "north");
const south = addWorkspace(db, "south");
addCustomer(db, north, { email: "N-1@example.test", name: "Ayşe" });
addCustomer(db, north, { email: "N-2@example.test", name: "Mehmet" });
addCustomer(db, south, { email: "S-1@example.test", name: "Olga" });

describe("scope.sql", () => {
  it("binds @workspace to the scope's own workspace", () => {
    const ids = (workspaceId: number) =>
      scopeTo(db, workspaceId)
        .sql("SELECT email FROM customers WHERE workspace_id = @workspace ORDER BY 1")
        .pluck()
        .all();
    expect(ids(north)).toEqual(["N-1@example.test", "N-2@example.test"]);
    expect(ids(south)).toEqual(["S-1@example.test"]);
  });

  it("takes positional values and named values beside the workspace", () => {
    const scope = scopeTo(db, north);
    const positional = scope
      .sql("SELECT name FROM customers WHERE workspace_id = @workspace AND email = ?")
      .pluck()
      .get("N-2@example.test");
    expect(positional).toBe("Mehmet");
    const named = scope
      .sql("SELECT name FROM customers WHERE workspace_id = @workspace AND email = @id")
      .pluck()
      .get({ id: "N-1@example.test" });
    expect(named).toBe("Ayşe");
    // Another workspace's customer is not found through this scope.
    expect(
      scope
        .sql("SELECT name FROM customers WHERE workspace_id = @workspace AND email = ?")
        .get("S-1@example.test"),
    ).toBeUndefined();
  });

  it("writes only within the workspace", () => {
    const changed = scopeTo(db, south)
      .sql("UPDATE customers SET name = upper(name) WHERE workspace_id = @workspace")
      .run().changes;
    expect(changed).toBe(1);
    const names = db.$client.prepare("SELECT name FROM customers ORDER BY id").pluck().all();
    expect(names).toEqual(["Ayşe", "Mehmet", "OLGA"]);
  });

  it("gives each use its own pluck mode although the statement is prepared once", () => {
    const text = "SELECT count(*) AS n FROM customers WHERE workspace_id = @workspace";
    const scope = scopeTo(db, north);
    expect(scope.sql(text).pluck().get()).toBe(2);
    expect(scope.sql(text).get()).toEqual({ n: 2 });
    expect(scope.sql(text).pluck().all()).toEqual([2]);
    expect(scope.sql(text).raw().get()).toEqual([2]);
    expect(scope.sql(text).get()).toEqual({ n: 2 });
  });

  it("refuses a query that does not filter by the workspace", () => {
    expect(() => scopeTo(db, north).sql("SELECT count(*) FROM customers")).toThrow(/@workspace/);
  });

  it("refuses a workspace value passed by the caller", () => {
    const statement = scopeTo(db, north).sql(
      "SELECT count(*) FROM customers WHERE workspace_id = @workspace",
    );
    expect(() => statement.get({ workspace: south })).toThrow(/binds @workspace itself/);
  });
});

describe("scope.owns", () => {
  it("filters an aliased table of a drizzle template to the scope's workspace", () => {
    const emails = (workspaceId: number) => {
      const scope = scopeTo(db, workspaceId);
      return db
        .all<{ email: string }>(
          sql`SELECT c.email FROM customers c WHERE ${scope.owns("c")} ORDER BY 1`,
        )
        .map((row) => row.email);
    };
    expect(emails(north)).toEqual(["N-1@example.test", "N-2@example.test"]);
    expect(emails(south)).toEqual(["S-1@example.test"]);
  });

  it("refuses what is not a table alias", () => {
    expect(() => scopeTo(db, north).owns("c; DROP TABLE customers")).toThrow(/Not a table alias/);
  });
});
