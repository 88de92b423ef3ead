import type { Rng } from "./random";

/**
 * Deliberately broken rows in the branch file, so the import's reject list (ragged rows) and
 * cell warnings (a bad date, income or e-mail) have something to show. Each defect edits the
 * row's fields (Turkish column order) in place.
 */
export type DefectKind = "invalid_date" | "non_numeric_income" | "malformed_email" | "ragged_row";

export const DEFECT_ORDER: readonly DefectKind[] = [
  "invalid_date",
  "non_numeric_income",
  "malformed_email",
  "ragged_row",
];

/** Column positions in the offline file that defects touch. */
export const OFFLINE_COLUMN = {
  email: 2,
  birthDate: 5,
  city: 6,
  income: 7,
  signupDate: 8,
} as const;

const IMPOSSIBLE_BIRTH_DATES = ["31.02.1985", "30.02.1990", "32.01.1979", "15.13.1982"];
const UNKNOWN_INCOME = ["bilinmiyor", "belirtilmedi", "bilinmiyor", "yok"];

/** Produces the row to write: same columns for most defects, fewer or more for ragged rows. */
export function applyDefect(
  fields: string[],
  kind: DefectKind,
  variant: number,
  rng: Rng,
): string[] {
  const broken = [...fields];
  switch (kind) {
    case "invalid_date":
      if (variant % 4 === 3) broken[OFFLINE_COLUMN.signupDate] = "29.02.2023";
      else broken[OFFLINE_COLUMN.birthDate] = rng.pick(IMPOSSIBLE_BIRTH_DATES);
      return broken;
    case "non_numeric_income":
      broken[OFFLINE_COLUMN.income] =
        UNKNOWN_INCOME[variant % UNKNOWN_INCOME.length] ?? "bilinmiyor";
      return broken;
    case "malformed_email":
      broken[OFFLINE_COLUMN.email] = malformEmail(broken[OFFLINE_COLUMN.email] ?? "", variant);
      return broken;
    case "ragged_row":
      if (variant % 3 === 2) return [...broken, ""];
      broken.splice(OFFLINE_COLUMN.city, 1);
      return broken;
  }
}

function malformEmail(address: string, variant: number): string {
  const clean = address.trim().toLowerCase() || "musteri@gmail.com";
  const [local = "musteri", domain = "gmail.com"] = clean.split("@");
  switch (variant % 4) {
    case 0:
      return `${local}@@${domain}`;
    case 1:
      return `${local}.${domain}`;
    case 2:
      return `${local}@`;
    default:
      return `${local}@${domain.replace(".", ",")}`;
  }
}

/** About fifteen broken rows at full size, never more than one in ten rows. */
export function defectCount(offlineRows: number): number {
  return Math.min(15, Math.floor(offlineRows / 10));
}
