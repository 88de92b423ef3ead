/**
 * Reads an uploaded list of channel users (one row per user: its channel plus attributes
 * it shares with the bank's customers) into attribute records for the propensity model.
 * The file is sniffed like any upload (encoding, delimiter, decimal mark); bad rows are
 * skipped, counted and described by line and column so the uploader can fix them.
 */
import { parse } from "csv-parse/sync";
import { csvParseOptions } from "~/ingest/csv-options";
import { decodeBuffer } from "~/ingest/decode";
import { uniqueHeaders, withoutTrailingEmpty } from "~/ingest/header";
import { parseNumber } from "~/ingest/numbers";
import { SAMPLE_BYTES, sniffCsv } from "~/ingest/sniff";
import { genderBucket, residencyBucket, slugify } from "./demographics";
import { SegmentInputError } from "./errors";

export const CHANNEL_USERS_MAX_BYTES = 5 * 1024 * 1024;
export const CHANNEL_USERS_MAX_ROWS = 50_000;
/** Problems described one by one; the rest are only counted. */
const PROBLEMS_LISTED = 20;

/** Header (slugified) → the attribute it means; several languages of the bank's users. */
const HEADER_SYNONYMS: Readonly<Record<string, string>> = {
  channel: "channel",
  kanal: "channel",
  канал: "channel",
  age: "age",
  yas: "age",
  возраст: "age",
  birth_year: "birth_year",
  birthyear: "birth_year",
  year_of_birth: "birth_year",
  dogum_yili: "birth_year",
  dogum_yılı: "birth_year",
  год_рождения: "birth_year",
  gender: "gender",
  sex: "gender",
  cinsiyet: "gender",
  пол: "gender",
  resident: "resident",
  residency: "resident",
  yerlesik: "resident",
  резидент: "resident",
  city: "city",
  sehir: "city",
  город: "city",
  income: "income",
  gelir: "income",
  доход: "income",
};

export type ChannelUserRecord = Record<string, number | string>;

export interface ChannelUsersFile {
  users: { channel: string; record: ChannelUserRecord }[];
  /** Attribute → the file's column that holds it. */
  columns: Record<string, string>;
  ignoredColumns: string[];
  badRows: number;
  problems: string[];
}

/**
 * `numericAttributes`: the workspace's numeric customer attributes, matched to headers
 * case-insensitively. Age comes from `age`, else from `birth_year` as referenceYear − year.
 */
export function readChannelUsersCsv(
  bytes: Uint8Array,
  numericAttributes: readonly string[],
  referenceYear: number,
): ChannelUsersFile {
  if (bytes.length > CHANNEL_USERS_MAX_BYTES)
    throw new SegmentInputError(
      `The file is larger than ${CHANNEL_USERS_MAX_BYTES / 1024 / 1024} MB; upload at most ${CHANNEL_USERS_MAX_ROWS} users.`,
    );
  const sniffed = sniffCsv(bytes.subarray(0, SAMPLE_BYTES), {
    truncated: bytes.length > SAMPLE_BYTES,
  });
  if (!sniffed.ok) throw new SegmentInputError(sniffed.message);
  const { settings } = sniffed;
  const text = decodeBuffer(bytes, settings.encoding);
  const records = parse(text, { ...csvParseOptions(settings), info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const [header, ...rows] = records;
  if (!header) throw new SegmentInputError("The file has no header row.");
  if (rows.length > CHANNEL_USERS_MAX_ROWS)
    throw new SegmentInputError(
      `The file has ${rows.length} users; at most ${CHANNEL_USERS_MAX_ROWS} can be scored at once.`,
    );

  const headers = uniqueHeaders(withoutTrailingEmpty(header.record));
  const numericByName = new Map(numericAttributes.map((name) => [name.toLowerCase(), name]));
  const columns: Record<string, string> = {};
  const positions: Record<string, number> = {};
  const ignoredColumns: string[] = [];
  headers.forEach((written, index) => {
    const attribute =
      HEADER_SYNONYMS[slugify(written)] ?? numericByName.get(written.trim().toLowerCase());
    if (attribute === undefined || attribute in columns) ignoredColumns.push(written);
    else {
      columns[attribute] = written;
      positions[attribute] = index;
    }
  });
  if (positions.channel === undefined)
    throw new SegmentInputError(
      `The file needs a "channel" column (also read: kanal, канал); its columns are: ${headers.join(", ")}.`,
    );

  const users: ChannelUsersFile["users"] = [];
  const problems: string[] = [];
  let badRows = 0;
  for (const { record: fields, info } of rows) {
    const cell = (attribute: string) => (fields[positions[attribute] ?? -1] ?? "").trim();
    const fault = (attribute: string, why: string) =>
      `Line ${info.lines}, column "${columns[attribute]}": ${why}`;
    const record: ChannelUserRecord = {};
    let rowProblem: string | undefined;
    const number = (attribute: string): number | undefined => {
      const text = cell(attribute);
      if (text === "") return undefined;
      const parsed = parseNumber(text, settings.decimalMark);
      if (parsed.ok) return parsed.value;
      rowProblem ??= fault(attribute, `"${text}" is not a number`);
      return undefined;
    };
    const channel = cell("channel");
    if (channel === "") rowProblem = fault("channel", "the channel is empty");

    const age = positions.age !== undefined ? number("age") : undefined;
    const birthYear = positions.birth_year !== undefined ? number("birth_year") : undefined;
    if (age !== undefined && (age < 0 || age > 120))
      rowProblem ??= fault("age", `age ${age} is outside 0–120`);
    if (birthYear !== undefined && (birthYear < referenceYear - 120 || birthYear > referenceYear))
      rowProblem ??= fault("birth_year", `birth year ${birthYear} is not plausible`);
    const ageOfUser = age ?? (birthYear === undefined ? undefined : referenceYear - birthYear);
    if (ageOfUser !== undefined) record.age = ageOfUser;

    if (positions.gender !== undefined) {
      const gender = genderBucket(cell("gender"));
      if (gender) record.gender = gender;
    }
    if (positions.resident !== undefined && cell("resident") !== "") {
      const residency = residencyBucket(cell("resident"));
      if (residency) record.resident = residency;
      else rowProblem ??= fault("resident", `"${cell("resident")}" is not yes or no`);
    }
    if (positions.city !== undefined && cell("city") !== "") record.city = cell("city");
    for (const attribute of Object.keys(positions)) {
      if (["channel", "age", "birth_year", "gender", "resident", "city"].includes(attribute))
        continue;
      const value = number(attribute);
      if (value !== undefined) record[attribute] = value;
    }

    if (rowProblem) {
      badRows++;
      if (problems.length < PROBLEMS_LISTED) problems.push(rowProblem);
    } else users.push({ channel, record });
  }
  return { users, columns, ignoredColumns, badRows, problems };
}
