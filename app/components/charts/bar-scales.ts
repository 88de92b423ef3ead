/**
 * The scales of every bar chart: bars snap to whole pixels.
 *
 * Why: nivo animates a bar's position as the string "translate(x, y)", and react-spring's
 * string interpolation takes a number written in exponent notation as a number with a
 * unit "e". A stacked bar of shares ends such a hair from the axis: 0.412 + 0.351 + … +
 * 0.022 adds up to 0.9999999999999999, so the top bar sits at y = 2.66e-14 px, and every
 * animation frame wrote "translate(168translate(, ), …)", a console error each. Whole
 * pixels are never written in exponent notation (and make crisper edges).
 */
import type { BarCommonProps, BarDatum } from "@nivo/bar";

export const barValueScale = {
  type: "linear",
  round: true,
} as const satisfies BarCommonProps<BarDatum>["valueScale"];

export const barIndexScale = {
  type: "band",
  round: true,
} as const satisfies BarCommonProps<BarDatum>["indexScale"];
