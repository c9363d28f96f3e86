import { describe, expect, it } from "vitest";
import { importUrlBody } from "../../src/contract/import-url.js";
import { importAddressBody, isWebAddress } from "../../web/src/lib/api.js";

describe("the import's address field", () => {
  it("takes http and https addresses only", () => {
    expect(isWebAddress(" https://rada.gov.ua/programa.pdf ")).toBe(true);
    expect(isWebAddress("http://rada.example/p.docx")).toBe(true);
    for (const text of [
      "rada.gov.ua/programa.pdf",
      "ftp://rada.example/p.pdf",
      "file:///etc/passwd",
      "https://",
      "",
    ]) {
      expect(isWebAddress(text)).toBe(false);
    }
  });

  it("sends a body the API's contract accepts, with the preview and unit choices", () => {
    const preview = importAddressBody(" https://rada.example/p.pdf ", { dryRun: true });
    expect(preview).toEqual({ url: "https://rada.example/p.pdf", dryRun: true });
    const save = importAddressBody("https://rada.example/p.pdf", { dryRun: false, unit: "uah" });
    expect(save).toEqual({ url: "https://rada.example/p.pdf", unit: "uah" });
    expect(importUrlBody.parse(preview)).toEqual(preview);
    expect(importUrlBody.parse(save)).toEqual(save);
    const anyway = importAddressBody("https://rada.example/p.pdf", { dryRun: false, saveIdentical: true });
    expect(anyway).toEqual({ url: "https://rada.example/p.pdf", saveIdentical: true });
    expect(importUrlBody.parse(anyway)).toEqual(anyway);
  });
});
