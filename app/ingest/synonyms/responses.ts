/** Header spellings of response (send log) fields, in English, Turkish and Russian. */
export const responseSynonyms = {
  response_id: [
    ...["message id", "message_id", "send id", "response id", "delivery id", "mesaj id"],
    ...["mesaj no", "gönderim id", "gönderim no", "id сообщения", "номер сообщения", "id отправки"],
  ],
  customer_external_id: [
    ...["customer id", "customer", "client id", "customer no", "member id", "recipient id"],
    ...["müşteri id", "müşteri no", "müşteri numarası", "müşteri kodu", "alıcı id"],
    ...["id клиента", "клиент", "номер клиента", "код клиента", "id получателя"],
  ],
  campaign_id: [
    ...["campaign id", "campaign", "message", "campaign code", "kampanya id", "kampanya"],
    ...["kampanya kodu", "id кампании", "кампания", "код кампании", "рассылка"],
  ],
  channel: [...["channel", "medium", "kanal", "mecra", "канал", "способ связи"]],
  sent_at: [
    ...["sent at", "sent", "send date", "sent date", "date", "send time", "gönderim tarihi"],
    ...["gönderim zamanı", "tarih", "дата отправки", "время отправки", "отправлено", "дата"],
  ],
  offer: [...["offer", "offer name", "teklif", "kampanya teklifi", "оффер", "предложение"]],
  product_code: [
    ...["product code", "product id", "sku", "product", "ürün kodu", "ürün", "stok kodu"],
    ...["код товара", "артикул", "товар", "продукт"],
  ],
  category: [...["category", "product category", "kategori", "категория"]],
  delivered: [...["delivered", "is delivered", "teslim edildi", "iletildi", "доставлено"]],
  opened: [...["opened", "open", "is opened", "açıldı", "açılma", "открыто", "прочитано"]],
  clicked: [...["clicked", "click", "is clicked", "tıklandı", "tıklama", "клик", "переход"]],
  converted: [
    ...["converted", "conversion", "purchased", "responded", "dönüştü", "dönüşüm"],
    ...["satın aldı", "конверсия", "покупка", "отклик"],
  ],
  revenue: [...["revenue", "amount", "sales", "gelir", "tutar", "ciro", "выручка", "сумма"]],
} as const;
