/** Informatization categories a project can be classified into. Order = tie-break priority (first wins). */
export const CATEGORY_IDS = [
  "cybersecurity",
  "edms",
  "gis",
  "opendata",
  "edemocracy",
  "video",
  "smartcity",
  "literacy",
  "social",
  "services",
  "licences",
  "equipment",
  "other",
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface CategoryInfo {
  id: CategoryId;
  labelUk: string;
  labelEn: string;
  /** One line, Ukrainian, for people choosing a label. */
  description: string;
}

const INFO: Record<CategoryId, Omit<CategoryInfo, "id">> = {
  equipment: {
    labelUk: "Обладнання та мережі",
    labelEn: "Equipment and networks",
    description: "Комп’ютери, сервери, оргтехніка, локальні мережі, інтернет, Wi-Fi, відеоконференцзв’язок.",
  },
  licences: {
    labelUk: "Ліцензії та супровід",
    labelEn: "Licences and maintenance",
    description:
      "Ліцензійне програмне забезпечення, його оновлення, супровід і обслуговування систем, хостинг, пошта.",
  },
  edms: {
    labelUk: "Електронний документообіг",
    labelEn: "Electronic document management",
    description: "СЕД, СЕВ ОВВ, електронний підпис, діловодство, оцифрування архівів.",
  },
  services: {
    labelUk: "Адмінпослуги та е-послуги",
    labelEn: "Administrative and e-services",
    description: "ЦНАП, Дія Центр, електронні послуги, кабінет мешканця, офіційні сайти й портали, чат-боти.",
  },
  edemocracy: {
    labelUk: "Е-демократія",
    labelEn: "E-democracy",
    description: "Е-петиції, е-звернення, громадський бюджет, консультації, системи голосування ради.",
  },
  opendata: {
    labelUk: "Відкриті дані",
    labelEn: "Open data",
    description: "Набори відкритих даних, публічна інформація, реєстри й інвентаризація даних.",
  },
  gis: {
    labelUk: "ГІС і кадастр",
    labelEn: "GIS and cadastre",
    description: "Геоінформаційні системи, містобудівний і земельний кадастр, геопортали.",
  },
  cybersecurity: {
    labelUk: "Кібербезпека і захист інформації",
    labelEn: "Cybersecurity and information protection",
    description: "Кіберзахист, КСЗІ, політики доступу, резервне копіювання, реагування на кіберінциденти.",
  },
  video: {
    labelUk: "Відеонагляд і громадська безпека",
    labelEn: "Video surveillance and public safety",
    description: "Камери відеоспостереження, ситуаційні центри, оповіщення населення.",
  },
  social: {
    labelUk: "Освіта, культура, охорона здоров’я, соціальна сфера",
    labelEn: "Education, culture, health and social care",
    description: "Цифровізація шкіл, закладів культури й охорони здоров’я, соціального захисту, ветеранів.",
  },
  literacy: {
    labelUk: "Цифрова грамотність",
    labelEn: "Digital literacy",
    description: "Навчання мешканців і посадовців цифровим навичкам, хаби цифрової освіти, кібергігієна.",
  },
  smartcity: {
    labelUk: "Розумне місто і транспорт",
    labelEn: "Smart city and transport",
    description: "Е-квиток, розумні зупинки, освітлення, енергоменеджмент, моніторинг довкілля.",
  },
  other: {
    labelUk: "Інше",
    labelEn: "Other",
    description: "Те, що не належить до жодної категорії: стратегії, участь у проєктах, енергетика тощо.",
  },
};

export const CATEGORIES: readonly CategoryInfo[] = CATEGORY_IDS.map((id) => ({ id, ...INFO[id] }));

export function categoryInfo(id: CategoryId): CategoryInfo {
  return { id, ...INFO[id] };
}

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}

/** Lower index = wins a tie. */
export function tiePriority(id: CategoryId): number {
  return CATEGORY_IDS.indexOf(id);
}
