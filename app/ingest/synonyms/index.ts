import type { DatasetKind, FieldOf } from "../kinds";
import { campaignSynonyms } from "./campaigns";
import { channelAudienceSynonyms } from "./channel-audiences";
import { customerSynonyms } from "./customers";
import { productSynonyms } from "./products";
import { responseSynonyms } from "./responses";
import { transactionSynonyms } from "./transactions";

/** For each kind, each field's header spellings (a field's own name always matches too). */
const byKind = {
  customers: customerSynonyms,
  transactions: transactionSynonyms,
  campaigns: campaignSynonyms,
  products: productSynonyms,
  channel_audiences: channelAudienceSynonyms,
  responses: responseSynonyms,
} satisfies { [K in DatasetKind]: Record<FieldOf<K>, readonly string[]> };

export function synonymsOf(kind: DatasetKind): Record<string, readonly string[]> {
  return byKind[kind];
}
