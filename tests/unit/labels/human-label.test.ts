// The labels shown in place of stored field, feature, bucket and dimension names.
import { describe, expect, it } from "vitest";
import { humanLabel, humanLabels } from "~/components/labels";

describe("humanLabel", () => {
  it("gives known fields their own words", () => {
    expect(humanLabel("recency_days")).toBe("Recency (days)");
    expect(humanLabel("frequency")).toBe("Frequency (orders)");
    expect(humanLabel("monetary")).toBe("Monetary (net spend)");
    expect(humanLabel("avg_order_value")).toBe("Average order value");
    expect(humanLabel("order_id")).toBe("Order ID");
    expect(humanLabel("r")).toBe("R score");
    expect(humanLabel("children_count")).toBe("Children");
    expect(humanLabel("num_products")).toBe("Products held");
    expect(humanLabel("segment")).toBe("Customer segment");
    expect(humanLabel("customer_external_id")).toBe("Customer ID");
    expect(humanLabel("consent_data_processing")).toBe("Data-processing consent");
    expect(humanLabel("occurred_at")).toBe("Date of sale");
    expect(humanLabel("avg_visit_duration_seconds")).toBe("Average visit duration (s)");
  });

  it("turns the other snake_case fields into sentence case", () => {
    expect(humanLabel("income")).toBe("Income");
    expect(humanLabel("age")).toBe("Age");
    expect(humanLabel("birth_year")).toBe("Birth year");
    expect(humanLabel("gender")).toBe("Gender");
    expect(humanLabel("residency")).toBe("Residency");
    expect(humanLabel("city")).toBe("City");
    expect(humanLabel("credit_score")).toBe("Credit score");
    expect(humanLabel("occupation")).toBe("Occupation");
    expect(humanLabel("marital_status")).toBe("Marital status");
    expect(humanLabel("education")).toBe("Education");
    expect(humanLabel("loyalty_tier")).toBe("Loyalty tier");
    expect(humanLabel("quantity")).toBe("Quantity");
    expect(humanLabel("unit_price")).toBe("Unit price");
    expect(humanLabel("amount")).toBe("Amount");
    expect(humanLabel("favourite_store")).toBe("Favourite store");
    expect(humanLabel("paid_search")).toBe("Paid search");
    expect(humanLabel("kredi_notu")).toBe("Kredi notu");
  });

  it("writes abbreviations inside a name as people do", () => {
    expect(humanLabel("transaction_id")).toBe("Transaction ID");
    expect(humanLabel("url")).toBe("URL");
    expect(humanLabel("email")).toBe("E-mail");
    expect(humanLabel("preferred_email")).toBe("Preferred e-mail");
    expect(humanLabel("avg_basket")).toBe("Average basket");
  });

  it("spells out age bands, open-ended ones with a plus", () => {
    expect(humanLabel("age_18_24")).toBe("Age 18–24");
    expect(humanLabel("age_25_34")).toBe("Age 25–34");
    expect(humanLabel("age_55_plus")).toBe("Age 55+");
    expect(humanLabel("age_65_plus")).toBe("Age 65+");
  });

  it("names interests as interests", () => {
    expect(humanLabel("interest_travel")).toBe("Travel (interest)");
    expect(humanLabel("interest_home_garden")).toBe("Home garden (interest)");
    expect(humanLabel("interests")).toBe("Interests");
  });

  it("capitalises gender buckets, with or without their prefix", () => {
    expect(humanLabel("female")).toBe("Female");
    expect(humanLabel("male")).toBe("Male");
    expect(humanLabel("other")).toBe("Other");
    expect(humanLabel("gender_female")).toBe("Female");
    expect(humanLabel("gender_male")).toBe("Male");
  });

  it("names residency buckets", () => {
    expect(humanLabel("resident")).toBe("Resident");
    expect(humanLabel("non_resident")).toBe("Non-resident");
  });

  it("names spend per category as the feature list does", () => {
    expect(humanLabel("spend_groceries")).toBe("Spend on Groceries");
    expect(humanLabel("spend_health_beauty")).toBe("Spend on Health beauty");
    expect(humanLabel("spend_Groceries")).toBe("Spend on Groceries");
  });

  it("marks attributes renamed to avoid a built-in feature's name", () => {
    expect(humanLabel("attr_income")).toBe("Income (attribute)");
    expect(humanLabel("attr_Kredi Notu")).toBe("Kredi Notu (attribute)");
  });

  it("labels log-transformed features by the feature's label", () => {
    expect(humanLabel("log(recency_days)")).toBe("log Recency (days)");
    expect(humanLabel("ln(monetary)")).toBe("log Monetary (net spend)");
    expect(humanLabel("monetary_log")).toBe("log Monetary (net spend)");
    expect(humanLabel("log(spend_groceries)")).toBe("log Spend on Groceries");
  });

  it("leaves names a person wrote as written", () => {
    expect(humanLabel("Kredi Notu")).toBe("Kredi Notu");
    expect(humanLabel("Aylık Gelir")).toBe("Aylık Gelir");
    expect(humanLabel("favourite store")).toBe("favourite store");
    expect(humanLabel("creditScore")).toBe("creditScore");
    expect(humanLabel("TR")).toBe("TR");
    expect(humanLabel("Electronics")).toBe("Electronics");
    expect(humanLabel("")).toBe("");
  });

  it("ignores surrounding spaces", () => {
    expect(humanLabel(" age_55_plus ")).toBe("Age 55+");
  });
});

describe("humanLabels", () => {
  it("joins labels with commas, or says none", () => {
    expect(humanLabels(["income", "age", "resident"])).toBe("Income, Age, Resident");
    expect(humanLabels([])).toBe("none");
    expect(humanLabels([], "")).toBe("");
  });
});
