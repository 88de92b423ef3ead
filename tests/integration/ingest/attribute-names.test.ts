/**
 * Attributes of one person from sources written in different languages land under one
 * name: a branch file's "Kredi Notu" and "Yerleşiklik" are the online CRM's credit_score and
 * residency, so a merged profile holds each once and segments read residency for everyone.
 */

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scopeTo } from "#db/scoped";
import { loadCustomerColumns, numericAttributeNames } from "~/segments/customer-columns.server";
import { createIdIndex } from "~/segments/id-index";
import { rowsOf, setUpIngest } from "./support";

const { db, dir, workspaceId, importOk } = setUpIngest();

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("attribute names across languages", () => {
  it("merges credit_score / Kredi Notu and residency / Yerleşiklik into one attribute each", async () => {
    await importOk(
      "customers",
      write(
        "online.csv",
        "customer_id,email,kvkk_consent,credit_score,residency,favourite_store\n" +
          "W-1,ayse@example.com,yes,640,resident,Kadıköy\n",
      ),
      "--source",
      "online",
    );
    await importOk(
      "customers",
      write(
        "branch.csv",
        "Müşteri No;E-posta;KVKK Onayı;Kredi Notu;Yerleşiklik\n" +
          "B-7;AYSE@example.com;evet;655;non-resident\n" +
          "B-8;mehmet@example.com;evet;590;resident\n",
      ),
      "--source",
      "branch",
    );
    const profiles = rowsOf<{ id: number; email: string; attributes: string }>(
      db,
      "customers",
      workspaceId,
    );
    expect(profiles).toHaveLength(2);
    const ayse = profiles.find((profile) => profile.email === "ayse@example.com");
    // The later file wins a conflict, as for any field; names other than known ones stay.
    expect(JSON.parse(ayse?.attributes ?? "{}")).toEqual({
      credit_score: 655,
      residency: "non-resident",
      favourite_store: "Kadıköy",
    });
    expect(numericAttributeNames(scopeTo(db, workspaceId))).toEqual(["credit_score"]);

    const ids = profiles.map((profile) => profile.id).sort((a, b) => a - b);
    const columns = loadCustomerColumns(scopeTo(db, workspaceId), createIdIndex(ids));
    expect([...(columns.attributes.get("credit_score") ?? [])]).toEqual([655, 590]);
    expect(columns.residency).toEqual(["non-resident", "resident"]);
  });

  it("keeps two columns of one file that would share a name apart, and re-imports them", async () => {
    const file = write(
      "segments.csv",
      "customer_id,email,kvkk_consent,Segment,Customer Segment\nS-1,seg@example.com,yes,Gold,3\n",
    );
    await importOk("customers", file, "--source", "crm");
    const again = await importOk("customers", file, "--source", "crm");
    expect(again).toMatchObject({ rows_rejected: 0, rows_unchanged: 1 });
    const profile = rowsOf<{ email: string; attributes: string }>(
      db,
      "customers",
      workspaceId,
    ).find((row) => row.email === "seg@example.com");
    expect(JSON.parse(profile?.attributes ?? "{}")).toEqual({
      Segment: "Gold",
      "Customer Segment": 3,
    });
  });
});
