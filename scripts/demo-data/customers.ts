import { join } from "node:path";
import { CsvWriter, ONLINE_CSV, TURKISH_EXCEL_CSV } from "./csv-writer";
import { OFFLINE_HEADER, ONLINE_HEADER, offlineRow, onlineRow } from "./customer-rows";
import { applyDefect, DEFECT_ORDER, type DefectKind, defectCount } from "./defects";
import type { Person } from "./people";
import type { Rng } from "./random";

/** External ids per person: each source numbers its own customers, in sign-up order. */
export interface CustomerIds {
  online: (string | null)[];
  offline: (string | null)[];
}

function bySignup(
  people: readonly Person[],
  inFile: (p: Person) => boolean,
  day: (p: Person) => number,
) {
  return people
    .map((person, index) => ({ person, index }))
    .filter(({ person }) => inFile(person))
    .sort((a, b) => day(a.person) - day(b.person) || a.index - b.index)
    .map(({ index }) => index);
}

/** Online ids look like WEB-0001234; branch numbers are bare 8-digit customer numbers. */
export function assignCustomerIds(people: readonly Person[], rng: Rng): CustomerIds {
  const online: (string | null)[] = people.map(() => null);
  const offline: (string | null)[] = people.map(() => null);
  bySignup(
    people,
    (p) => p.inOnline,
    (p) => p.onlineSignup,
  ).forEach((index, rank) => {
    online[index] = `WEB-${String(rank + 1).padStart(7, "0")}`;
  });
  let branchNumber = 40_000_000;
  for (const index of bySignup(
    people,
    (p) => p.inOffline,
    (p) => p.offlineSignup,
  )) {
    branchNumber += rng.int(1, 9);
    offline[index] = String(branchNumber);
  }
  return { online, offline };
}

export interface CustomerFilesResult {
  online: { rows: number; bytes: number };
  offline: { rows: number; bytes: number };
  overlapping: number;
  defects: Record<DefectKind, number>;
  /** People whose branch row was broken on purpose (it may not load). */
  brokenPeople: ReadonlySet<number>;
}

/** Branch rows to break: people only in the branch file who gave an e-mail address. */
function pickDefects(people: readonly Person[], ids: CustomerIds, rng: Rng): Map<number, number> {
  const candidates = people.flatMap((person, index) =>
    ids.offline[index] && person.overlap === null && person.offlineEmail !== null ? [index] : [],
  );
  const offlineRows = ids.offline.filter((id) => id !== null).length;
  const chosen = rng.shuffle(candidates).slice(0, defectCount(offlineRows));
  return new Map(chosen.map((personIndex, order) => [personIndex, order]));
}

export async function writeCustomerFiles(
  outDir: string,
  people: readonly Person[],
  ids: CustomerIds,
  rng: Rng,
): Promise<CustomerFilesResult> {
  const defects = pickDefects(people, ids, rng);
  const defectTally: Record<DefectKind, number> = {
    invalid_date: 0,
    non_numeric_income: 0,
    malformed_email: 0,
    ragged_row: 0,
  };
  const online = CsvWriter.open(join(outDir, "customers_online.csv"), ONLINE_CSV);
  await online.header(ONLINE_HEADER);
  for (const index of bySignup(
    people,
    (p) => p.inOnline,
    (p) => p.onlineSignup,
  )) {
    await online.row(onlineRow(people[index] as Person, ids.online[index] ?? "", rng));
  }
  const offline = CsvWriter.open(join(outDir, "customers_offline.csv"), TURKISH_EXCEL_CSV);
  await offline.header(OFFLINE_HEADER);
  for (const index of bySignup(
    people,
    (p) => p.inOffline,
    (p) => p.offlineSignup,
  )) {
    const fields = offlineRow(people[index] as Person, ids.offline[index] ?? "", rng);
    const order = defects.get(index);
    if (order === undefined) {
      await offline.row(fields);
      continue;
    }
    const kind = DEFECT_ORDER[order % DEFECT_ORDER.length] as DefectKind;
    defectTally[kind]++;
    await offline.row(applyDefect(fields, kind, Math.floor(order / DEFECT_ORDER.length), rng));
  }
  return {
    online: await online.close(),
    offline: await offline.close(),
    overlapping: people.filter((person) => person.overlap !== null).length,
    defects: defectTally,
    brokenPeople: new Set(defects.keys()),
  };
}
