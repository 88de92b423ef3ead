/** Header spellings of campaign fields, in English, Turkish and Russian (matched folded). */
export const campaignSynonyms = {
  campaign_id: [
    ...["campaign id", "campaign code", "campaign no", "kampanya id", "kampanya kodu"],
    ...["kampanya no", "id кампании", "код кампании", "номер кампании"],
  ],
  name: [
    ...["campaign", "campaign name", "name", "kampanya", "kampanya adı"],
    ...["кампания", "название кампании", "название"],
  ],
  channel: [
    ...["channel", "platform", "media", "kanal", "mecra", "platform adı"],
    ...["канал", "площадка", "платформа"],
  ],
  start_date: [
    ...["start date", "start", "begin date", "başlangıç tarihi", "başlangıç"],
    ...["дата начала", "начало"],
  ],
  end_date: [
    "end date",
    "end",
    "finish date",
    "bitiş tarihi",
    "bitiş",
    "дата окончания",
    "окончание",
  ],
  date: ["date", "day", "tarih", "gün", "дата", "день"],
  spend: [
    ...["spend", "cost", "amount spent", "spent", "harcama", "maliyet", "harcanan"],
    ...["расход", "затраты", "стоимость", "расходы"],
  ],
  impressions: ["impressions", "impr", "gösterim", "gösterimler", "показы"],
  clicks: ["clicks", "link clicks", "tıklama", "tıklamalar", "клики", "переходы"],
  conversions: ["conversions", "conv", "results", "dönüşüm", "dönüşümler", "конверсии"],
  revenue: [
    ...["revenue", "sales", "conversion value", "purchase value", "gelir", "ciro", "satış"],
    ...["выручка", "доход"],
  ],
  product: [...["product", "offer", "ürün", "teklif", "продукт", "товар", "оффер", "предложение"]],
  segment: [
    ...["segment", "customer segment", "audience segment", "segment name", "segment adı"],
    ...["müşteri segmenti", "сегмент", "сегмент клиентов", "сегмент аудитории"],
  ],
} as const;
