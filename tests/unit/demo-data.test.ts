import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { associationRules } from "~/analytics/basket";
import { percentagesSummingTo100 } from "../../scripts/demo-data/audiences";
import { AD_CHANNELS, expectedConversions } from "../../scripts/demo-data/channels";
import { parseCliArgs } from "../../scripts/demo-data/cli-args";
import { dayOf, moneyFromKurus, turkishNumber, weekday } from "../../scripts/demo-data/format";
import { type DemoDataSummary, generateDemoData } from "../../scripts/demo-data/generate";

const FILES = [
  "customers_online.csv",
  "customers_offline.csv",
  "transactions.csv",
  "products.csv",
  "campaigns.csv",
  "channel_audiences.csv",
  "responses.csv",
  "responses-truth.json",
];
const SCALE = 0.02;
let root: string;
let summary: DemoDataSummary;
const dir = (name: string) => join(root, name);

type Row = Record<string, string>;
const readUtf8 = async (file: string) => readFile(join(dir("a"), file), "utf8");
const records = async (file: string): Promise<Row[]> =>
  parse(await readUtf8(file), { columns: true }) as Row[];
const offlineText = async () =>
  iconv.decode(await readFile(join(dir("a"), "customers_offline.csv")), "windows-1254");

/** Independent normalisers: what a matcher would do, written without the generator's code. */
const phoneKey = (text: string) => {
  const digits = text.replace(/\D/g, "");
  return digits.startsWith("90") && digits.length === 12
    ? digits.slice(2)
    : digits.replace(/^0/, "");
};
const emailKey = (text: string) => text.trim().toLowerCase();
const validTurkishDate = (text: string) => {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (!match) return false;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1;
};

interface Profile {
  birthYear: number;
  income: number;
  resident: boolean;
  sms: boolean;
  email: boolean;
  kvkk: boolean;
  smsDate: string;
  emailDate: string;
  kvkkDate: string;
}
const isoFromTurkish = (text: string) => text.split(".").reverse().join("-");
const turkishIncome = (text: string) => Number(text.replace(/\./g, "").replace(",", "."));

/** Each customer id of either file with what the tests need, read back from the files. */
async function customerProfiles(): Promise<Map<string, Profile>> {
  const profiles = new Map<string, Profile>();
  for (const row of await records("customers_online.csv")) {
    profiles.set(row.customer_id ?? "", {
      birthYear: Number(row.birth_date?.slice(0, 4)),
      income: Number(row.monthly_income),
      resident: row.residency === "resident",
      sms: row.sms_consent === "true",
      email: row.email_consent === "true",
      kvkk: row.kvkk_consent === "true",
      smsDate: row.sms_consent_date ?? "",
      emailDate: row.email_consent_date ?? "",
      kvkkDate: row.kvkk_consent_date ?? "",
    });
  }
  const offline = parse(await offlineText(), {
    delimiter: ";",
    columns: true,
    relax_column_count: true,
  }) as Row[];
  for (const row of offline) {
    profiles.set(row["Müşteri No"] ?? "", {
      birthYear: Number(row["Doğum Tarihi"]?.slice(6)),
      income: turkishIncome(row["Aylık Gelir"] ?? ""),
      resident: row.Yerleşiklik === "Yerleşik",
      sms: row["SMS İzni"] === "Evet",
      email: row["E-posta İzni"] === "Evet",
      kvkk: row["KVKK Onayı"] === "Evet",
      smsDate: isoFromTurkish(row["SMS İzin Tarihi"] ?? ""),
      emailDate: isoFromTurkish(row["E-posta İzin Tarihi"] ?? ""),
      kvkkDate: isoFromTurkish(row["KVKK Onay Tarihi"] ?? ""),
    });
  }
  return profiles;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "demo-data-"));
  summary = await generateDemoData({ outDir: dir("a"), seed: 7, scale: SCALE });
  await generateDemoData({ outDir: dir("b"), seed: 7, scale: SCALE });
  await generateDemoData({ outDir: dir("c"), seed: 8, scale: SCALE });
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe("determinism", () => {
  it("writes byte-identical files for the same seed and different ones for another seed", async () => {
    for (const file of FILES) {
      const [a, b] = await Promise.all([
        readFile(join(dir("a"), file)),
        readFile(join(dir("b"), file)),
      ]);
      expect(a.equals(b), file).toBe(true);
    }
    const [a, c] = await Promise.all(
      ["a", "c"].map((name) => readFile(join(dir(name), "transactions.csv"))),
    );
    expect(a?.equals(c as Buffer)).toBe(false);
  });

  it("reports the rows and bytes it wrote, for every CSV file", async () => {
    expect(summary.files.map(({ file }) => file).sort()).toEqual(
      FILES.filter((file) => file.endsWith(".csv")).sort(),
    );
    for (const { file, rows, bytes } of summary.files) {
      const content = await readFile(join(dir("a"), file));
      expect(content.length, file).toBe(bytes);
      const lines = content.toString("latin1").split(/\r?\n/).filter(Boolean);
      expect(lines.length - 1, file).toBe(rows);
    }
  });
});

describe("customer files", () => {
  it("writes the online file as UTF-8, comma-separated, with ISO dates", async () => {
    const online = await records("customers_online.csv");
    expect(Object.keys(online[0] ?? {})).toContain("kvkk_consent_date");
    expect(online.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.signup_date ?? ""))).toBe(true);
    expect(online.some((row) => /[çğıİöşü]/.test(row.full_name ?? ""))).toBe(true);
    const withoutKvkk = online.filter((row) => row.kvkk_consent === "false").length / online.length;
    expect(withoutKvkk).toBeGreaterThan(0.02);
    expect(withoutKvkk).toBeLessThan(0.16);
  });

  it("writes the branch file in Windows-1254 with semicolons, decimal commas and dd.mm.yyyy", async () => {
    const bytes = await readFile(join(dir("a"), "customers_offline.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const text = await offlineText();
    expect(text.startsWith("Müşteri No;Ad Soyad;E-posta;Telefon;Cinsiyet;Doğum Tarihi;Şehir")).toBe(
      true,
    );
    expect(text).toContain("\r\n");
    const rows = parse(text, { delimiter: ";", columns: true, relax_column_count: true }) as Row[];
    const incomes = rows.map((row) => row["Aylık Gelir"] ?? "");
    expect(
      incomes.filter((value) => /^\d{1,3}(\.\d{3})*,\d{2}$/.test(value)).length,
    ).toBeGreaterThan(rows.length * 0.9);
    expect(rows.some((row) => row["KVKK Onayı"] === "Evet")).toBe(true);
    expect(rows.some((row) => row["KVKK Onayı"] === "Hayır")).toBe(true);
  });

  it("breaks exactly the rows it reports, each in one of the promised ways", async () => {
    const rows = parse(await offlineText(), {
      delimiter: ";",
      relax_column_count: true,
    }) as string[][];
    const [header, ...data] = rows;
    const kinds = { ragged: 0, income: 0, date: 0, email: 0 };
    let broken = 0;
    for (const row of data) {
      const ragged = row.length !== header?.length;
      const income = !ragged && !/^[\d.]+,\d{2}$/.test(row[7] ?? "");
      const date = !ragged && !(validTurkishDate(row[5] ?? "") && validTurkishDate(row[8] ?? ""));
      const email = row[2] ?? "";
      const badEmail =
        !ragged && email.trim() !== "" && !/^[^\s@]+@[^\s@,]+\.[^\s@,]+$/.test(email.trim());
      kinds.ragged += Number(ragged);
      kinds.income += Number(income);
      kinds.date += Number(date);
      kinds.email += Number(badEmail);
      broken += Number(ragged || income || date || badEmail);
    }
    expect(Object.values(kinds).every((count) => count > 0)).toBe(true);
    expect(broken).toBeGreaterThanOrEqual(10);
    expect(broken).toBeLessThanOrEqual(20);
    expect(broken).toBe(Object.values(summary.offlineDefects).reduce((a, b) => a + b, 0));
  });

  it("puts about 5% of people in both files, written differently and under different ids", async () => {
    const online = await records("customers_online.csv");
    const offline = parse(await offlineText(), {
      delimiter: ";",
      columns: true,
      relax_column_count: true,
    }) as Row[];
    const byEmail = new Map(online.map((row) => [emailKey(row.email ?? ""), row]));
    const byPhone = new Map(online.map((row) => [phoneKey(row.phone ?? ""), row]));
    let matches = 0;
    for (const row of offline) {
      const email = emailKey(row["E-posta"] ?? "");
      const match = (email && byEmail.get(email)) || byPhone.get(phoneKey(row.Telefon ?? ""));
      if (!match) continue;
      matches++;
      expect(match.customer_id).not.toBe(row["Müşteri No"]);
      const sameText = match.email === row["E-posta"] && match.phone === row.Telefon;
      expect(sameText).toBe(false);
    }
    const people = online.length + offline.length - matches;
    expect(matches).toBe(summary.overlappingCustomers);
    expect(matches / people).toBeGreaterThan(0.025);
    expect(matches / people).toBeLessThan(0.08);
  });
});

describe("one person, one set of choices", () => {
  it("gives both records of someone in both files the same SMS, e-mail and KVKK consent", async () => {
    const online = await records("customers_online.csv");
    const offline = parse(await offlineText(), {
      delimiter: ";",
      columns: true,
      relax_column_count: true,
    }) as Row[];
    const byEmail = new Map(online.map((row) => [emailKey(row.email ?? ""), row]));
    const byPhone = new Map(online.map((row) => [phoneKey(row.phone ?? ""), row]));
    let pairs = 0;
    for (const row of offline) {
      const email = emailKey(row["E-posta"] ?? "");
      const match = (email && byEmail.get(email)) || byPhone.get(phoneKey(row.Telefon ?? ""));
      if (!match) continue;
      pairs++;
      const yes = (text: string | undefined) => text === "Evet";
      expect(yes(row["SMS İzni"]), match.customer_id).toBe(match.sms_consent === "true");
      expect(yes(row["E-posta İzni"]), match.customer_id).toBe(match.email_consent === "true");
      expect(yes(row["KVKK Onayı"]), match.customer_id).toBe(match.kvkk_consent === "true");
    }
    expect(pairs).toBe(summary.overlappingCustomers);
  });
});

describe("transactions", () => {
  it("stays in the period, multiplies out, matches the catalogue and known customers", async () => {
    const [transactions, products, online] = await Promise.all(
      ["transactions.csv", "products.csv", "customers_online.csv"].map(records),
    );
    const offlineIds = new Set(
      (await offlineText()).split("\r\n").map((line) => line.split(";")[0] ?? ""),
    );
    const onlineIds = new Set((online ?? []).map((row) => row.customer_id));
    const catalogue = new Map((products ?? []).map((row) => [row.product_code, row]));
    for (const row of transactions ?? []) {
      const date = row.transaction_date ?? "";
      expect(date >= "2024-11-01T00:00:00" && date <= "2026-10-31T23:59:59+03:00", date).toBe(true);
      const product = catalogue.get(row.product_code);
      expect(product?.category).toBe(row.category);
      expect(product?.product_name).toBe(row.product_name);
      const kurus = Math.round(Number(row.quantity) * Math.round(Number(row.unit_price) * 100));
      expect(Math.round(Number(row.amount) * 100)).toBe(kurus);
      const id = row.customer_id ?? "";
      expect(id === "" || onlineIds.has(id) || offlineIds.has(id), id).toBe(true);
      expect(row.channel).toMatch(/^(online|app|offline|[A-Z]{3}-\d{3})$/);
    }
    const rows = transactions?.length ?? 0;
    const returns = (transactions ?? []).filter((row) => Number(row.quantity) < 0);
    expect(returns.every((row) => Number(row.amount) < 0)).toBe(true);
    expect(returns.length / rows).toBeGreaterThan(0.005);
    expect(returns.length / rows).toBeLessThan(0.03);
    const anonymous = (transactions ?? []).filter((row) => row.customer_id === "").length / rows;
    expect(anonymous).toBeGreaterThan(0.015);
    expect(anonymous).toBeLessThan(0.05);
  });

  it("fills baskets, so the app's bought-together rules have something to find", async () => {
    const transactions = await records("transactions.csv");
    // As the app builds them: one basket = one customer's products on one day.
    const byVisit = new Map<string, Set<string>>();
    for (const row of transactions) {
      if (!row.customer_id || Number(row.quantity) < 0) continue;
      const key = `${row.customer_id} ${row.transaction_date?.slice(0, 10)}`;
      const basket = byVisit.get(key) ?? new Set<string>();
      basket.add(row.product_code ?? "");
      byVisit.set(key, basket);
    }
    const baskets = [...byVisit.values()].map((basket) => [...basket]);
    const several = baskets.filter((basket) => basket.length > 1).length / baskets.length;
    expect(several).toBeGreaterThan(0.2);
    expect(several).toBeLessThan(0.6);
    const { rules } = associationRules(baskets, {});
    expect(rules.length).toBeGreaterThan(0);
    // Grocery runs and insured trips, not noise: every rule stays within plausible pairs.
    const categoryOf = new Map(transactions.map((row) => [row.product_code, row.category]));
    const categories = rules.flatMap((rule) =>
      [...rule.antecedent, ...rule.consequent].map((code) => categoryOf.get(code)),
    );
    expect(new Set(categories)).toEqual(new Set(["Groceries"]));
  });

  it("gives people structure: under-36s buy online or in the app at least 30 points more than over-62s", async () => {
    const profiles = await customerProfiles();
    const share = { young: [0, 0, 0], old: [0, 0, 0] };
    for (const row of await records("transactions.csv")) {
      const year = profiles.get(row.customer_id ?? "")?.birthYear;
      if (year === undefined) continue;
      const group = year >= 1991 ? share.young : year <= 1964 ? share.old : null;
      if (!group) continue;
      group[0] = (group[0] ?? 0) + Number(row.channel === "online" || row.channel === "app");
      group[1] = (group[1] ?? 0) + Number(row.channel === "app");
      group[2] = (group[2] ?? 0) + 1;
    }
    const digital = ([online, , all]: number[]) => (online ?? 0) / (all ?? 1);
    const app = ([, inApp, all]: number[]) => (inApp ?? 0) / (all ?? 1);
    expect(digital(share.young)).toBeGreaterThan(digital(share.old) + 0.3);
    // The app is the young's: a third of their purchases, hardly any of the over-62s'.
    expect(app(share.young)).toBeGreaterThan(0.25);
    expect(app(share.old)).toBeLessThan(0.05);
  });

  it("has higher incomes spend more, and people abroad buy travel more than residents", async () => {
    const profiles = await customerProfiles();
    const spend = new Map<string, number>();
    const travel = { abroad: [0, 0], home: [0, 0] };
    for (const row of await records("transactions.csv")) {
      const profile = profiles.get(row.customer_id ?? "");
      if (!profile) continue;
      spend.set(
        row.customer_id ?? "",
        (spend.get(row.customer_id ?? "") ?? 0) + Number(row.amount),
      );
      const group = profile.resident ? travel.home : travel.abroad;
      group[0] = (group[0] ?? 0) + Number(row.category === "Travel");
      group[1] = (group[1] ?? 0) + 1;
    }
    const byIncome = [...spend.keys()]
      .map((id) => ({ income: profiles.get(id)?.income ?? 0, spend: spend.get(id) ?? 0 }))
      .filter(({ income }) => income > 0)
      .sort((a, b) => a.income - b.income);
    const quarter = Math.floor(byIncome.length / 4);
    const mean = (rows: { spend: number }[]) =>
      rows.reduce((sum, row) => sum + row.spend, 0) / rows.length;
    // The top income quarter spends at least twice what the bottom one does.
    expect(mean(byIncome.slice(-quarter))).toBeGreaterThan(2 * mean(byIncome.slice(0, quarter)));
    const ratio = ([hits, all]: number[]) => (hits ?? 0) / (all ?? 1);
    expect(ratio(travel.abroad)).toBeGreaterThan(1.5 * ratio(travel.home));
  });
});

interface Truth {
  channels: string[];
  sendHours: number[];
  offers: { key: string; productCode: string; category: string }[];
  rates: Record<string, Record<string, Record<string, Record<string, number>>>>;
  bestArm: Record<
    string,
    Record<
      "anyChannel" | "emailOrSms",
      { channel: string; offer: string; hour: number; rate: number }
    >
  >;
  neverResponders: string[];
  personaOfCustomer: Record<string, string>;
  sends: { rows: number; converted: number };
}
const readTruth = async () => JSON.parse(await readUtf8("responses-truth.json")) as Truth;
/** Day number of an ISO date (UTC days, as the generator counts). */
const dayNumber = (isoDate: string) =>
  Math.round(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 864e5);

describe("responses", () => {
  it("sends a year of messages, in the send slots, naming known offers", async () => {
    const [responses, truth] = await Promise.all([records("responses.csv"), readTruth()]);
    expect(responses.length).toBe(truth.sends.rows);
    expect(responses.length).toBeGreaterThan(1000);
    const offers = new Map(truth.offers.map((offer) => [offer.key, offer]));
    for (const row of responses) {
      const sentAt = row.sent_at ?? "";
      expect(sentAt >= "2025-11-01T00:00:00+03:00" && sentAt <= "2026-10-31T23:59:59+03:00").toBe(
        true,
      );
      expect(sentAt.endsWith("+03:00")).toBe(true);
      expect(truth.sendHours).toContain(Number(sentAt.slice(11, 13)));
      expect(Number(sentAt.slice(14, 16))).toBeLessThan(30);
      expect(truth.channels).toContain(row.channel);
      const offer = offers.get(row.offer ?? "");
      expect(offer?.productCode).toBe(row.product_code);
      expect(offer?.category).toBe(row.category);
      // What happened is consistent: a sale was delivered, opened where opens are tracked, clicked.
      if (row.converted === "true") {
        expect([row.delivered, row.clicked || "true"]).toEqual(["true", "true"]);
        expect(Number(row.revenue)).toBeGreaterThan(0);
      } else expect(row.revenue).toBe("");
      if (row.clicked === "true") expect(row.delivered).toBe("true");
    }
    const ids = new Set(responses.map((row) => row.message_id));
    expect(ids.size).toBe(responses.length);
  });

  it("sends nothing without consent: KVKK for all, e-mail or SMS consent per channel, never before it was given", async () => {
    const [responses, profiles] = await Promise.all([records("responses.csv"), customerProfiles()]);
    for (const row of responses) {
      const profile = profiles.get(row.customer_id ?? "");
      if (!profile) throw new Error(`response to unknown customer ${row.customer_id}`);
      const day = (row.sent_at ?? "").slice(0, 10);
      expect(profile.kvkk, row.message_id).toBe(true);
      expect(profile.kvkkDate <= day, row.message_id).toBe(true);
      if (row.channel === "email") {
        expect(profile.email, row.message_id).toBe(true);
        expect(profile.emailDate <= day, row.message_id).toBe(true);
      }
      if (row.channel === "sms" || row.channel === "call") {
        expect(profile.sms, row.message_id).toBe(true);
        expect(profile.smsDate <= day, row.message_id).toBe(true);
      }
    }
    expect(new Set(responses.map((row) => row.channel))).toEqual(
      new Set(["email", "sms", "push", "call"]),
    );
  });

  it("keeps the weekly contact cap of two messages per person", async () => {
    const perWeek = new Map<string, number>();
    const start = dayNumber("2025-11-01");
    for (const row of await records("responses.csv")) {
      const week = Math.floor((dayNumber(row.sent_at ?? "") - start) / 7);
      const key = `${row.customer_id} ${week}`;
      perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perWeek.values())).toBeLessThanOrEqual(2);
  });

  it("converts as the truth says: never-responders never, the rest at the stated rates", async () => {
    const [responses, truth] = await Promise.all([records("responses.csv"), readTruth()]);
    const never = new Set(truth.neverResponders);
    expect(never.size).toBeGreaterThan(0);
    let expected = 0;
    let variance = 0;
    let observed = 0;
    for (const row of responses) {
      const id = row.customer_id ?? "";
      if (never.has(id)) {
        expect(row.converted, id).toBe("false");
        continue;
      }
      const persona = truth.personaOfCustomer[id] ?? "";
      const rate =
        truth.rates[persona]?.[row.channel ?? ""]?.[row.offer ?? ""]?.[
          (row.sent_at ?? "").slice(11, 13)
        ];
      if (rate === undefined) throw new Error(`no true rate for ${row.message_id}`);
      expected += rate;
      variance += rate * (1 - rate);
      observed += Number(row.converted === "true");
    }
    expect(observed).toBe(truth.sends.converted);
    // Within four standard deviations of the sum of Bernoulli draws.
    expect(Math.abs(observed - expected)).toBeLessThan(4 * Math.sqrt(variance));
  });

  it("gives personas different best arms: the young a push at night, retirees a morning SMS or call", async () => {
    const { bestArm, rates } = await readTruth();
    const young = bestArm.young_urban_digital;
    const retiree = bestArm.retiree;
    expect(young?.anyChannel).toMatchObject({ channel: "push", hour: 21 });
    expect(retiree?.anyChannel.hour).toBe(9);
    expect(["sms", "call"]).toContain(retiree?.anyChannel.channel);
    expect(young?.emailOrSms).not.toEqual(retiree?.emailOrSms);
    // The young answer push at least three times as often as retirees, for the same offer and hour.
    const push = (persona: string) => rates[persona]?.push?.electronics_installments?.["21"] ?? 0;
    expect(push("young_urban_digital")).toBeGreaterThan(3 * push("retiree"));
  });
});

describe("campaigns and audiences", () => {
  it("has one daily row per campaign day, within start..end, on 8+ channels", async () => {
    const rows = await records("campaigns.csv");
    const days = new Map<string, string[]>();
    for (const { campaign_id = "", date = "", start_date = "", end_date = "", ...row } of rows) {
      expect(date >= start_date && date <= end_date).toBe(true);
      expect(Number(row.clicks)).toBeLessThanOrEqual(Number(row.impressions));
      days.set(campaign_id, [...(days.get(campaign_id) ?? []), date]);
    }
    for (const [id, dates] of days) {
      const first = rows.find((row) => row.campaign_id === id) ?? {};
      expect(dates.length).toBe(dayOf(first.end_date ?? "") - dayOf(first.start_date ?? "") + 1);
      expect(new Set(dates).size).toBe(dates.length);
    }
    expect(new Set(rows.map((row) => row.channel)).size).toBeGreaterThanOrEqual(8);
  });

  it("follows a saturating curve: (1 - e^-1) of the ceiling at the saturation spend", () => {
    const instagram = AD_CHANNELS.find((channel) => channel.name === "Instagram");
    if (!instagram) throw new Error("Instagram is a campaign channel");
    // 0.225 per mille / 45 TRY CPM = 0.005 per lira; ceiling 0.005 * 15,000 = 75.
    expect(expectedConversions(instagram, 15_000, 1500)).toBeCloseTo(75 * (1 - Math.exp(-1)), 6);
    expect(expectedConversions(instagram, 100, 1500)).toBeCloseTo(
      75 * (1 - Math.exp(-100 / 15_000)),
      9,
    );
    // A product ten times dearer converts ten times less often.
    expect(expectedConversions(instagram, 15_000, 15_000)).toBeCloseTo(7.5 * (1 - Math.exp(-1)), 6);
  });

  it("writes audience shares that add up to 100 and covers every campaign channel", async () => {
    const audiences = await records("channel_audiences.csv");
    const sum = (row: Row, keys: string[]) =>
      keys.reduce((total, key) => total + Number(row[key]), 0);
    for (const row of audiences) {
      const ages = ["age_18_24", "age_25_34", "age_35_44", "age_45_54", "age_55_plus"];
      expect(sum(row, ages)).toBeCloseTo(100, 9);
      expect(sum(row, ["gender_female", "gender_male"])).toBeCloseTo(100, 9);
      expect(sum(row, ["resident", "non_resident"])).toBeCloseTo(100, 9);
    }
    const names = new Set(audiences.map((row) => row.channel_name));
    for (const channel of AD_CHANNELS) expect(names.has(channel.name), channel.name).toBe(true);
  });
});

describe("helpers", () => {
  it("rounds shares to tenths that sum to 100 by largest remainder", () => {
    expect(percentagesSummingTo100([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(percentagesSummingTo100([1, 3])).toEqual([25, 75]);
  });

  it("formats Turkish numbers, kuruş amounts and weekdays", () => {
    expect(turkishNumber(12345.67)).toBe("12.345,67");
    expect(turkishNumber(-1234567.891)).toBe("-1.234.567,89");
    expect(turkishNumber(999.5)).toBe("999,50");
    expect(moneyFromKurus(-12345)).toBe("-123.45");
    expect(moneyFromKurus(7)).toBe("0.07");
    expect(weekday(dayOf("2025-11-28"))).toBe(5); // Efsane Cuma 2025 is a Friday
  });

  it("parses CLI options with defaults and rejects nonsense", () => {
    expect(parseCliArgs([])).toEqual({ outDir: "data/demo", seed: 42, scale: 1 });
    expect(parseCliArgs(["--out", "x", "--seed", "3", "--scale", "0.1"])).toEqual({
      outDir: "x",
      seed: 3,
      scale: 0.1,
    });
    expect(() => parseCliArgs(["--scale", "0"])).toThrow(/scale/);
    expect(() => parseCliArgs(["--seed", "abc"])).toThrow(/seed/);
  });
});
