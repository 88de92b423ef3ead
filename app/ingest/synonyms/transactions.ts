/** Header spellings of transaction fields, in English, Turkish and Russian (matched folded). */
export const transactionSynonyms = {
  transaction_id: [
    ...["transaction id", "txn id", "order id", "order no", "order number", "receipt no"],
    ...["invoice no", "sipariş no", "sipariş numarası", "fiş no", "fatura no", "işlem no"],
    ...["işlem id", "номер заказа", "id заказа", "номер чека", "id транзакции"],
    ...["номер транзакции", "чек", "№ заказа", "№ чека"],
  ],
  customer_external_id: [
    ...["customer id", "customer_id", "cust id", "customer no", "customer number", "client id"],
    ...["müşteri id", "müşteri no", "müşteri numarası", "müşteri kodu", "üye no"],
    ...["клиент id", "id клиента", "код клиента", "номер клиента", "id покупателя"],
  ],
  occurred_at: [
    ...["date", "order date", "transaction date", "purchase date", "sale date", "datetime"],
    ...["timestamp", "created at", "tarih", "işlem tarihi", "sipariş tarihi", "satış tarihi"],
    ...["дата", "дата заказа", "дата покупки", "дата и время", "дата продажи"],
  ],
  product_code: [
    ...["product code", "product id", "sku", "item code", "item id", "barcode"],
    ...["ürün kodu", "ürün id", "stok kodu", "barkod", "артикул", "код товара"],
  ],
  product_name: [
    ...["product", "product name", "item", "item name", "ürün", "ürün adı"],
    ...["товар", "наименование товара", "название товара", "наименование"],
  ],
  category: ["category", "product category", "kategori", "ürün kategorisi", "категория"],
  quantity: ["quantity", "qty", "units", "adet", "miktar", "количество", "кол во"],
  unit_price: [
    ...["unit price", "price", "birim fiyat", "birim fiyatı", "fiyat"],
    ...["цена", "цена за единицу"],
  ],
  amount: [
    ...["amount", "total", "total amount", "revenue", "sales", "sum", "net amount"],
    ...["tutar", "toplam", "toplam tutar", "ciro", "сумма", "итого", "выручка"],
  ],
  currency: ["currency", "curr", "para birimi", "döviz", "валюта"],
  channel: [
    ...["channel", "sales channel", "store", "store id", "shop"],
    ...["kanal", "satış kanalı", "mağaza", "mağaza kodu", "канал", "канал продаж", "магазин"],
  ],
} as const;
