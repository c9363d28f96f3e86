/** Request schemas of community codes, shared by the API routes and the web app. */
import { z } from "zod";
import { KATOTTG_PATTERN } from "../domain/katottg.js";

/** A KATOTTG community code, exactly: "UA" and 17 digits. */
export const katottgSchema = z.string().regex(KATOTTG_PATTERN, {
  message: "код громади за КАТОТТГ: «UA» і 17 цифр (наприклад, UA12020010000012345)",
});

/** Codes separated by commas (a query parameter), each a KATOTTG code. */
export const katottgListSchema = z
  .string()
  .transform((text) =>
    text
      .split(",")
      .map((code) => code.trim())
      .filter(Boolean),
  )
  .pipe(z.array(katottgSchema));
