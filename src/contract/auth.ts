/** The auth room: sign-in and sign-out, the current user, users, and the user's report reminders. */
import { z } from "zod";
import { ROLES } from "../domain/roles.js";
import { positiveId } from "./common.js";
import { katottgSchema } from "./community.js";

export const loginBody = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});
export const userSchema = z.object({
  id: z.number(),
  login: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  orgUnitId: z.number().nullable(),
  katottg: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;
export const meSchema = z.object({ user: userSchema, csrfToken: z.string(), expiresAt: z.string() });
export type Me = z.infer<typeof meSchema>;
export const logoutSchema = z.object({ ok: z.literal(true) });
export const newUserBody = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(8).max(1000),
  displayName: z.string().trim().min(1),
  role: z.enum(ROLES),
  email: z.email().nullable().optional(),
  orgUnitId: positiveId.nullable().optional(),
  katottg: katottgSchema.nullable().optional(),
});

/** An in-app reminder of a report that is due soon ("before") or overdue ("after"). */
export const reminderSchema = z.object({
  programmeId: z.int(),
  periodKey: z.string(),
  kind: z.enum(["before", "after", "manual"]),
  sentAt: z.string(),
});
export type Reminder = z.infer<typeof reminderSchema>;
