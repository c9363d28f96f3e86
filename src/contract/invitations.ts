/** Invitations: the head invites a person by e-mail; the invitee sets a password on /invite/:token. */
import { z } from "zod";
import { positiveId } from "./common.js";
import { katottgSchema } from "./community.js";

export const INVITED_ROLES = ["head", "executor", "controller"] as const;

export const newInvitationBody = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(300),
  role: z.enum(INVITED_ROLES),
  orgUnitId: positiveId.nullable().optional(),
  /** The community; a head's own is taken when left out. */
  katottg: katottgSchema.optional(),
});
export type NewInvitationBody = z.infer<typeof newInvitationBody>;

export const invitationSchema = z.object({
  id: z.number().int(),
  katottg: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(INVITED_ROLES),
  orgUnitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type InvitationView = z.infer<typeof invitationSchema>;

/** What the head gets once: the link to hand over (no mail is sent). */
export const createdInvitation = invitationSchema.extend({ link: z.string() });
export type CreatedInvitation = z.infer<typeof createdInvitation>;

export const invitationsQuery = z.object({ katottg: katottgSchema.optional() });
/** base64url of 32 random bytes. */
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Невірне посилання") });
export const acceptInvitationBody = z.object({ password: z.string().min(8).max(1000) });
export const acceptedInvitation = z.object({ login: z.string() });
