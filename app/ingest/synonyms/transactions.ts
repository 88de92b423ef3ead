/** Header spellings of transaction fields, in English, Turkish and Russian (matched folded). */
export const transactionSynonyms = {
  // Only ids that name one line: an order, receipt or invoice number repeats on each of
  // its lines, so those headers map to order_id (a line is then keyed by order and position).
  transaction_id: [
    ...["transaction id", "txn id", "line id", "sale id", "işlem no", "işlem id"],
    ...["işlem numarası", "id транзакции", "номер транзакции", "id операции"],
  ],
  order_id: [
    ...["order id", "order no", "order number", "receipt no", "receipt number", "receipt id"],
    ...["invoice no", "invoice number", "invoice id", "bill no", "basket id"],
    ...["sipariş no", "sipariş numarası", "sipariş id", "fiş no", "fiş numarası", "fatura no"],
    ...["fatura numarası", "номер заказа", "id заказа", "номер чека", "чек", "№ заказа"],
    ...["№ чека", "номер счета", "номер накладной"],
  ],
  line_number: [
    ...["line no", "line number", "order line", "invoice line", "receipt line"],
    ...["satır no", "satır numarası", "kalem no", "sıra no", "номер строки", "позиция"],
    ...["№ строки", "№ позиции"],
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
    ...["invoice date", "receipt date", "fatura tarihi", "fiş tarihi", "дата чека"],
  ],
  product_code: [
    ...["product code", "product id", "sku", "item code", "item id", "barcode"],
    ...["ürün kodu", "ürün id", "stok kodu", "barkod", "артикул", "код товара", "stock code"],
  ],
  product_name: [
    ...["product", "product name", "item", "item name", "ürün", "ürün adı"],
    ...["товар", "наименование товара", "название товара", "наименование", "description"],
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
