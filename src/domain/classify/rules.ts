import type { CategoryId } from "./categories.js";

/**
 * A transparent rule: if any stem occurs in the normalised text, the rule fires and adds its weight to
 * its category. Stems are regular-expression fragments over normalised text (see normalizeText): a
 * leading "^" means "at a word start", a trailing "$" means "at a word end"; otherwise a stem matches
 * anywhere, so "ліценз" covers "ліцензій", "ліцензійного". `\w` is Unicode-aware here.
 */
export interface Rule {
  id: string;
  category: Exclude<CategoryId, "other">;
  weight: number;
  stems: string[];
}

export const RULES: readonly Rule[] = [
  {
    id: "equipment.computers",
    category: "equipment",
    weight: 2,
    stems: [
      "комп'ютер",
      "сервер",
      "ноутбук",
      "оргтехні",
      "принтер",
      "^бфп$",
      "засоб\\w* інформатизац",
      "^пк$",
    ],
  },
  {
    id: "equipment.generic",
    category: "equipment",
    weight: 1,
    stems: ["обладнан", "технік", "^ups$", "носі[їя]"],
  },
  {
    id: "equipment.networks",
    category: "equipment",
    weight: 2,
    stems: [
      "wi-?fi",
      "вайфай",
      "локальн\\w* мереж",
      "комунікаційн\\w* мереж",
      "мережев",
      "інтернет",
      "маршрутизатор",
      "широкосмуг",
      "оптоволок",
      "телекомунікац",
      "відеоконференц",
    ],
  },
  {
    id: "licences.software",
    category: "licences",
    weight: 2,
    stems: [
      "ліценз",
      "програмн\\w* (продукт|забезпечен)",
      "^пз$",
      "операційн\\w* систем",
      "корпоративн\\w* пошт",
    ],
  },
  {
    id: "licences.support",
    category: "licences",
    weight: 1,
    stems: [
      "супровод",
      "обслуговуван\\w* (інформаційн|програмн|систем)",
      "функціонуван\\w* інформаційн",
      "хостинг",
    ],
  },
  {
    id: "edms.core",
    category: "edms",
    weight: 3,
    stems: [
      "документообіг",
      "^сед$",
      "^сев овв",
      "мегаполіс",
      "електронн\\w* підпис",
      "діловодств",
      "^аскод",
    ],
  },
  { id: "edms.archive", category: "edms", weight: 2, stems: ["архівн", "^архів"] },
  {
    id: "services.admin",
    category: "services",
    weight: 3,
    stems: [
      "^цнап",
      "адміністративн\\w* послуг",
      "дія\\.? ?центр",
      "центр\\w* дія",
      "мобільн\\w* адміністратор",
    ],
  },
  {
    id: "services.eservices",
    category: "services",
    weight: 2,
    stems: [
      "^епослуг",
      "електронн\\w* (послуг|сервіс)",
      "кабінет\\w* (мешкан|громадян)",
      "онлайнзапис|онлайн запис|запис\\w* на прийом",
      "call-?центр|колцентр",
      "трембіт",
      "дія qr|діядія|шерінг",
    ],
  },
  {
    id: "services.web",
    category: "services",
    weight: 1,
    stems: ["сайт", "портал", "чатбот", "^послуг", "^сервіс"],
  },
  {
    id: "edemocracy.core",
    category: "edemocracy",
    weight: 3,
    stems: ["демократ", "петиці", "громадськ\\w* бюджет", "бюджет\\w* участі", "консультаці", "опитуван"],
  },
  { id: "edemocracy.voting", category: "edemocracy", weight: 2, stems: ["голосуван"] },
  {
    id: "edemocracy.participation",
    category: "edemocracy",
    weight: 2,
    stems: [
      "звернен\\w* громадян",
      "електронн\\w* звернен",
      "^езвернен",
      "громадськ\\w* активн",
      "участ\\w* мешканців",
    ],
  },
  {
    id: "opendata.core",
    category: "opendata",
    weight: 3,
    stems: ["відкрит\\w* дан", "набор\\w* даних", "машиночитан", "публічн\\w* інформац"],
  },
  { id: "opendata.registers", category: "opendata", weight: 1, stems: ["реєстр(?!ац)"] },
  {
    id: "gis.core",
    category: "gis",
    weight: 3,
    stems: ["геоінформац", "^гіс$", "^gis$", "кадастр", "містобудівн", "геопортал", "топограф"],
  },
  {
    id: "cybersecurity.core",
    category: "cybersecurity",
    weight: 3,
    stems: [
      "кібербезпек",
      "кіберзахист",
      "кіберінцидент",
      "кібератак",
      "захист\\w* інформац",
      "^ксзі$",
      "цифров\\w* безпек",
      "резервн\\w* копі",
    ],
  },
  {
    id: "cybersecurity.tools",
    category: "cybersecurity",
    weight: 1,
    stems: ["антивірус", "політик\\w* доступу"],
  },
  {
    id: "video.core",
    category: "video",
    weight: 3,
    stems: ["відеоспостереж", "відеонагляд", "камер", "ситуаційн\\w* центр"],
  },
  {
    id: "video.safety",
    category: "video",
    weight: 2,
    stems: ["правопорушен", "оповіщен", "громадськ\\w* безпек", "надзвичайн\\w* ситуац"],
  },
  {
    id: "social.education",
    category: "social",
    weight: 2,
    stems: [
      "^(?<!цифров\\w* )освіт",
      "заклад\\w* освіти",
      "^школ",
      "^ліце[йїюя]",
      "^гімназ",
      "^дошкільн",
      "^учн",
      "^[ву]чител",
      "^мрі[яїює]$",
    ],
  },
  {
    id: "social.health",
    category: "social",
    weight: 2,
    stems: ["охорон\\w* здоров", "медичн", "^міс$", "helsi", "пацієнт", "лікар"],
  },
  {
    id: "social.culture",
    category: "social",
    weight: 2,
    stems: ["культур", "^музе", "бібліот", "турист", "пам'ят", "спадщин", "експонат"],
  },
  {
    id: "social.welfare",
    category: "social",
    weight: 2,
    stems: ["соціальн\\w* (захист|послуг|сфер)", "ветеран", "інвалідн"],
  },
  {
    id: "literacy.core",
    category: "literacy",
    weight: 3,
    stems: [
      "цифров\\w* грамотн",
      "цифров\\w* навич",
      "цифров\\w* компетент",
      "цифров\\w* освіт",
      "хаб\\w* цифров",
      "кібергігієн",
      "інформаційн\\w* гігієн",
    ],
  },
  {
    id: "literacy.training",
    category: "literacy",
    weight: 2,
    stems: ["навчан", "кваліфікац", "тренінг", "семінар", "^курс", "інформаційн\\w* кампані"],
  },
  {
    id: "smartcity.core",
    category: "smartcity",
    weight: 3,
    stems: [
      "розумн",
      "смарт",
      "smart",
      "^еквит",
      "громадськ\\w* транспорт",
      "зупин",
      "освітлен",
      "енергоменеджмент",
      "навколишн\\w* (природн\\w* )?середовищ",
      "атмосферн\\w* повітр",
      "паркуван",
    ],
  },
];
