/** Header spellings of product fields, in English, Turkish and Russian (matched folded). */
export const productSynonyms = {
  code: [
    ...["code", "product code", "product id", "sku", "item code", "id"],
    ...["ürün kodu", "stok kodu", "kod", "артикул", "код", "код товара"],
  ],
  name: [
    ...["name", "product name", "product", "item name", "ürün adı", "ürün", "ad"],
    ...["наименование", "название", "товар", "название товара"],
  ],
  category: ["category", "product category", "kategori", "категория"],
  price: [
    ...["price", "unit price", "list price", "fiyat", "liste fiyatı", "birim fiyat"],
    ...["цена", "цена за единицу"],
  ],
} as const;
