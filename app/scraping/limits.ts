/** Limits and windows the pages show in their text, so client-safe (no server imports). */

/** Lines on one chart stay readable up to about five. */
export const MAX_COMPARED_CHANNELS = 5;
export const MAX_COMPARED_SITES = 5;
/** The trends site itself compares at most five keywords. */
export const MAX_KEYWORDS = 5;
/** Four points: a month of the weekly series the trends site gives for a year. */
export const MOVING_AVERAGE_WINDOW = 4;
/** An interest-over-time export of 5 keywords over 5 years is about 20 KB. */
export const TRENDS_CSV_MAX_BYTES = 1024 * 1024;
/** After this many failed runs in a row a source stops (state "dead") until resumed. */
export const DEAD_AFTER_FAILURES = 3;
