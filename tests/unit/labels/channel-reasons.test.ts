// Channel-match reasons as rankChannels writes them, with their dimension names labelled.
import { describe, expect, it } from "vitest";
import { rankChannels } from "~/analytics/channel-match";
import { readableReason } from "~/components/segments/channel-reasons";

describe("readableReason", () => {
  it("labels the dimension of the best and weakest match", () => {
    expect(readableReason("Best match on age (similarity 1.00)")).toBe(
      "Best match on Age (similarity 1.00)",
    );
    expect(readableReason("Weakest match on interests (similarity 0.42)")).toBe(
      "Weakest match on Interests (similarity 0.42)",
    );
    expect(readableReason("Best match on income_band (similarity 0.91)")).toBe(
      "Best match on Income band (similarity 0.91)",
    );
  });

  it("labels each dimension that was not compared", () => {
    expect(readableReason("Not compared (data on one side only): residency, interests")).toBe(
      "Not compared (data on one side only): Residency, Interests",
    );
  });

  it("leaves the effectiveness reasons as written", () => {
    const reason = "Effectiveness 1.00 from past campaigns: cost per conversion 2.50, ROI 120 %";
    expect(readableReason(reason)).toBe(reason);
    expect(readableReason("No campaign or traffic data: neutral effectiveness 0.50")).toBe(
      "No campaign or traffic data: neutral effectiveness 0.50",
    );
  });

  it("reads the reasons rankChannels writes", () => {
    // Gender matches exactly, age not at all, residency is known for the segment only.
    const [entry] = rankChannels(
      [
        {
          segmentId: "s",
          name: "s",
          profile: {
            gender: { female: 1 },
            age: { age_18_24: 1 },
            residency: { resident: 1 },
          },
        },
      ],
      [
        {
          channelId: "c",
          name: "c",
          audience: { gender: { female: 1 }, age: { age_55_plus: 1 } },
        },
      ],
    );
    expect(entry?.channels[0]?.reasons.map(readableReason)).toEqual([
      "Best match on Gender (similarity 1.00)",
      "Weakest match on Age (similarity 0.00)",
      "Not compared (data on one side only): Residency",
      "No campaign or traffic data: neutral effectiveness 0.50",
    ]);
  });
});
