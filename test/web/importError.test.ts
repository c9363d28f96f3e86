import { describe, expect, it } from "vitest";
import { importText, NotAProgrammeError } from "../../src/import/index.js";
import { uk } from "../../web/src/i18n/uk.js";
import { notProgrammeReason } from "../../web/src/lib/importError.js";

function refusal(text: string): string {
  try {
    importText(text);
  } catch (error) {
    if (error instanceof NotAProgrammeError) return error.message;
    throw error;
  }
  throw new Error("imported");
}

describe("the import page's message for a document that is not a programme", () => {
  it("says «не схожий» once, with the importer's reason", () => {
    const message = uk["import.notProgramme"].replace(
      "{msg}",
      notProgrammeReason(refusal("Це просто текст про погоду.\nНічого більше.\n")),
    );
    expect(message.match(/не схожий/g)).toHaveLength(1);
    expect(message).toBe(
      "Документ не схожий на програму інформатизації: немає ні паспорта, ні таблиці завдань",
    );
  });

  it("keeps a reason that has no lead-in as it is", () => {
    expect(notProgrammeReason("Файл порожній: у ньому немає тексту програми")).toBe(
      "Файл порожній: у ньому немає тексту програми",
    );
  });
});
