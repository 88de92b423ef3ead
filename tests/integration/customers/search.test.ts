/** Searching customers by name ignores case and accents the way Turkish and Russian readers expect. */
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { listCustomers } from "~/customers/queries.server";
import { setUpTestDb } from "../../helpers/test-db";
import { createWorkspace } from "./support";

const { db } = setUpTestDb();

describe("customer search by name", () => {
  it("finds Turkish and Russian names whatever the case or accents typed", () => {
    const { scope } = createWorkspace(db, "search");
    for (const name of ["Öykü Işık", "İlker Çelik", "Ирина Ёлкина", "Oscar Isaacs"]) {
      scope.insert(schema.customers, { name, consentDataProcessing: true });
    }
    const found = (search: string) =>
      listCustomers(scope, { search, limit: 10, offset: 0 })
        .map((customer) => customer.name)
        .sort();
    expect(found("öykü")).toEqual(["Öykü Işık"]);
    expect(found("OYKU")).toEqual(["Öykü Işık"]);
    expect(found("ışık")).toEqual(["Öykü Işık"]);
    expect(found("ilker")).toEqual(["İlker Çelik"]);
    expect(found("ÇELİK")).toEqual(["İlker Çelik"]);
    expect(found("елкина")).toEqual(["Ирина Ёлкина"]);
    // Plain ASCII still works as before.
    expect(found("isaac")).toEqual(["Oscar Isaacs"]);
    // LIKE wildcards typed by the user are taken literally.
    expect(found("%")).toEqual([]);
  });
});
