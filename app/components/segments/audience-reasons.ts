/** Why a segment member is left out of an audience, in the order the checks run (§12). */
export const excludedReasons = [
  {
    key: "not_interested",
    label: "Not interested in the category",
    detail: "The category is not among the customer's top 3 interests.",
  },
  {
    key: "no_data_processing_consent",
    label: "No data-processing consent",
    detail:
      "Withdrawn or never recorded. Contacting needs it under every legal basis for analytics, with the channel's consent.",
  },
  {
    key: "no_channel_consent",
    label: "No consent for this channel",
    detail: "SMS needs SMS consent; e-mail needs e-mail consent.",
  },
  {
    key: "frequency_cap",
    label: "Weekly contact cap reached",
    detail: "Already contacted as often as the cap allows in the 7 days before the send.",
  },
] as const;
