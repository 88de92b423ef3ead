/**
 * Customer columns that are no field but common enough to have one name across sources:
 * an online CRM's `credit_score` and a branch system's `Kredi Notu` are the same attribute
 * of a merged profile. Keys are the stored names (segments read `residency` by that name);
 * spellings in English, Turkish and Russian are matched normalised (case, accents, spacing).
 * Only unmistakable spellings: a bare "score", "tier" or "children" could be another thing,
 * and "resident" or "married" are yes/no columns, not the status itself: one name takes one
 * type, and a later file whose column has another type would see its rows rejected.
 */
export const attributeSynonyms: Record<string, readonly string[]> = {
  credit_score: [
    ...["credit score"],
    ...["kredi notu", "kredi skoru", "kredi puanı", "findeks notu"],
    ...["кредитный балл", "скоринговый балл"],
  ],
  residency: [
    ...["residency", "residence status", "resident status"],
    ...["yerleşiklik", "yerleşiklik durumu", "ikamet durumu"],
    ...["резидентство", "статус резидента"],
  ],
  children_count: [
    ...["children count", "number of children"],
    ...["çocuk sayısı"],
    ...["количество детей", "число детей"],
  ],
  num_products: [
    ...["product count", "number of products", "products held", "num products"],
    ...["ürün sayısı", "ürün adedi", "sahip olunan ürün sayısı"],
    ...["количество продуктов", "число продуктов"],
  ],
  occupation: [
    ...["occupation", "profession", "job title"],
    ...["meslek", "unvan"],
    ...["профессия", "должность", "род занятий"],
  ],
  marital_status: [
    ...["marital status"],
    ...["medeni durum", "medeni hal"],
    ...["семейное положение"],
  ],
  education: [
    ...["education", "education level"],
    ...["eğitim", "eğitim durumu", "öğrenim durumu"],
    ...["образование", "уровень образования"],
  ],
  segment: [
    ...["segment", "customer segment"],
    ...["müşteri segmenti"],
    ...["сегмент", "сегмент клиента"],
  ],
  loyalty_tier: [
    ...["loyalty tier", "loyalty level"],
    ...["sadakat seviyesi", "kart seviyesi"],
    ...["уровень лояльности", "статус лояльности"],
  ],
};
