/** Header spellings of channel audience fields, in English, Turkish and Russian. */
export const channelAudienceSynonyms = {
  channel_name: [
    ...["channel", "channel name", "name", "site", "site name", "media"],
    ...["kanal", "kanal adı", "mecra", "site adı", "канал", "название канала", "площадка"],
  ],
  channel_type: [
    ...["channel type", "type", "kanal tipi", "kanal türü", "tür", "tip"],
    ...["тип канала", "тип"],
  ],
  url: [
    "url",
    "website",
    "link",
    "web site",
    "web sitesi",
    "adres",
    "ссылка",
    "адрес сайта",
    "сайт",
  ],
  gender_female: [
    ...["female", "women", "female share", "gender female", "kadın", "kadın oranı"],
    ...["женщины", "доля женщин", "жен"],
  ],
  gender_male: [
    ...["male", "men", "male share", "gender male", "erkek", "erkek oranı"],
    ...["мужчины", "доля мужчин", "муж"],
  ],
  resident: ["resident", "residents", "local", "domestic", "yerli", "yerleşik", "резиденты"],
  non_resident: [
    ...["non resident", "non residents", "foreign", "international", "yabancı"],
    ...["yerleşik olmayan", "нерезиденты", "иностранцы"],
  ],
  monthly_visits: [
    ...["monthly visits", "visits", "total visits", "visits per month", "aylık ziyaret"],
    ...["ziyaret", "aylık ziyaretçi", "визиты", "визиты в месяц", "посещения", "посещаемость"],
  ],
  avg_visit_duration_seconds: [
    ...["avg visit duration", "average visit duration", "visit duration", "time on site"],
    ...["avg session duration", "ortalama ziyaret süresi", "ziyaret süresi", "oturum süresi"],
    ...["средняя длительность визита", "длительность визита", "время на сайте"],
  ],
  bounce_rate: [
    ...["bounce rate", "bounce", "hemen çıkma oranı", "çıkma oranı"],
    ...["отказы", "показатель отказов", "доля отказов"],
  ],
} as const;

/** Words that open an interest column: "interest_sports", "İlgi: Spor", "Интерес: спорт". */
export const interestPrefixes = [
  ["interest"],
  ["interests"],
  ["ilgi"],
  ["ilgi", "alani"],
  ["интерес"],
  ["интересы"],
] as const;

/** Words around an age band: "Age 18-24", "18-24 yaş", "возраст 25-34", "55+". */
export const agePrefixWords = new Set(["age", "ages", "yas", "возраст", "band", "grubu"]);
