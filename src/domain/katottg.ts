/**
 * The community code of the Codifier of administrative-territorial units (KATOTTG): "UA" and 17 digits,
 * nothing else. Every boundary (route parameters and bodies, an import before it is saved, the command
 * line) checks codes with this, so no other text can reach a query, a file name or a header.
 */
export const KATOTTG_PATTERN = /^UA\d{17}$/;

export function isKatottg(text: string): boolean {
  return KATOTTG_PATTERN.test(text);
}

/** A non-empty community code that is not a KATOTTG code (a look-alike letter, a line break, a quote…). */
export class InvalidKatottgError extends Error {
  constructor(readonly code: string) {
    super(
      `Код громади за КАТОТТГ ${JSON.stringify(code)} некоректний: очікувалося «UA» і 17 цифр ` +
        "(наприклад, UA12020010000012345).",
    );
  }
}
