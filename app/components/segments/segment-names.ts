/**
 * RFM segment names are stored in English (runs, CSV exports, ?segment= links keep them);
 * pages show them in the reader's language through these catalogue keys.
 */
import type { TFunction } from "i18next";
import { RFM_SEGMENTS, type RfmSegment } from "~/analytics/rfm-segments";

const SEGMENT_KEYS: Record<RfmSegment, string> = {
  Champions: "champions",
  Loyal: "loyal",
  "Potential loyalist": "potentialLoyalist",
  New: "new",
  Promising: "promising",
  "Need attention": "needAttention",
  "About to sleep": "aboutToSleep",
  "Can't lose them": "cantLoseThem",
  "At risk": "atRisk",
  Lost: "lost",
  Hibernating: "hibernating",
};

const isRfmSegment = (name: string): name is RfmSegment =>
  (RFM_SEGMENTS as readonly string[]).includes(name);

/** The segment's name in the UI language; any other name (a cluster's) as it is. */
export function segmentName(t: TFunction, name: string): string {
  return isRfmSegment(name) ? t(`segments:rfm.names.${SEGMENT_KEYS[name]}`) : name;
}

/** What a segment means, in the UI language; a description stored otherwise as it is. */
export function segmentDescription(t: TFunction, name: string, stored: string): string {
  return isRfmSegment(name)
    ? t(`segments:rfm.descriptions.${SEGMENT_KEYS[name]}`, { defaultValue: stored })
    : stored;
}
