/** Header spellings of customer fields, in English, Turkish and Russian (matched folded). */
export const customerSynonyms = {
  external_id: [
    ...["customer id", "customer_id", "cust id", "customer no", "customer number", "customer code"],
    ...["client id", "external id", "id", "member id", "member no", "loyalty id"],
    ...["müşteri id", "müşteri no", "müşteri numarası", "müşteri kodu", "üye no", "üye numarası"],
    ...["клиент id", "id клиента", "код клиента", "номер клиента", "идентификатор клиента"],
    ...["id покупателя", "код покупателя", "№ клиента"],
  ],
  source: ["source", "data source", "origin", "kaynak", "veri kaynağı", "источник"],
  name: [
    ...["name", "full name", "customer name", "client name"],
    ...["ad soyad", "adı soyadı", "ad", "isim", "müşteri adı", "müşteri adı soyadı"],
    ...["имя", "фио", "ф и о", "имя клиента", "клиент"],
  ],
  email: [
    ...["email", "e-mail", "mail", "email address", "e-mail address"],
    ...["e-posta", "e-posta adresi", "mail adresi"],
    ...["электронная почта", "эл почта", "почта", "емейл", "адрес электронной почты"],
  ],
  phone: [
    ...["phone", "phone number", "mobile", "mobile phone", "mobile number", "gsm", "cell"],
    ...["telephone", "tel", "telefon", "telefon no", "telefon numarası", "cep telefonu", "cep"],
    ...["телефон", "мобильный", "мобильный телефон", "номер телефона", "тел"],
  ],
  gender: ["gender", "sex", "cinsiyet", "cinsiyeti", "пол"],
  birth_date: [
    ...["birth date", "date of birth", "dob", "birthday", "birthdate"],
    ...["doğum tarihi", "d tarihi"],
    ...["дата рождения", "день рождения"],
  ],
  birth_year: ["birth year", "year of birth", "doğum yılı", "год рождения"],
  city: ["city", "town", "şehir", "il", "kent", "город", "населенный пункт"],
  income: ["income", "annual income", "monthly income", "gelir", "aylık gelir", "доход"],
  signup_date: [
    ...["signup date", "sign up date", "registration date", "registered at", "created at"],
    ...["join date", "joined", "member since", "kayıt tarihi", "üyelik tarihi"],
    ...["дата регистрации", "зарегистрирован"],
  ],
  consent_sms: [
    ...["sms consent", "consent sms", "sms opt in", "sms permission", "sms izni", "sms izin"],
    ...["sms onayı", "согласие sms", "согласие на смс", "согласие на sms", "смс согласие"],
  ],
  consent_email: [
    ...["email consent", "consent email", "email opt in", "email permission"],
    ...["e-posta izni", "email izni", "e-posta onayı", "e-mail izni"],
    ...["согласие email", "согласие на email", "согласие на рассылку", "согласие e-mail"],
  ],
  consent_data_processing: [
    ...["data processing consent", "consent data processing", "gdpr consent", "privacy consent"],
    ...["kvkk", "kvkk consent", "kvkk onayı", "kvkk izni", "açık rıza", "kişisel veri izni"],
    ...["согласие на обработку персональных данных", "согласие на обработку данных"],
    ...["согласие пдн", "согласие на обработку пд"],
  ],
  consent_sms_at: [
    ...["sms consent date", "sms consent at", "sms opt in date", "sms izin tarihi"],
    ...["sms onay tarihi", "дата согласия sms", "дата согласия на смс"],
  ],
  consent_email_at: [
    ...["email consent date", "email consent at", "email opt in date"],
    ...["e-posta izin tarihi", "email izin tarihi", "e-posta onay tarihi"],
    ...["дата согласия email", "дата согласия на email", "дата согласия на рассылку"],
  ],
  consent_data_processing_at: [
    ...["data processing consent date", "gdpr consent date", "kvkk consent date"],
    ...["kvkk onay tarihi", "kvkk tarihi"],
    ...["açık rıza tarihi", "дата согласия на обработку данных", "дата согласия пдн"],
  ],
  objection: [
    ...["objection", "objected", "objection to processing", "processing objection"],
    ...["opt-out of processing", "opt out of processing", "processing opt-out"],
    ...["itiraz", "işleme itiraz", "işleme itirazı", "veri işleme itirazı", "itiraz etti"],
    ...["возражение", "возражение против обработки", "отказ от обработки"],
    ...["отказ от обработки данных", "отказ от обработки персональных данных"],
  ],
} as const;
