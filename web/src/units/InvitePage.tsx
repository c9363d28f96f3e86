/**
 * The invitee's page (`/invite/:token`, no session): who invited them as what, their login (the
 * e-mail), and a password to set. The link works once and until it expires; the server says which.
 */
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Table, Text, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import type { InvitationView } from "../../../src/contract/invitations.js";
import { type MessageKey, useI18n } from "../i18n/index.js";
import { ApiError, request } from "../lib/api.js";
import { formatDate } from "../lib/format.js";

const message = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

function AcceptForm({ token, onDone }: { token: string; onDone: (login: string) => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const mismatch = repeat !== "" && repeat !== password;
  async function accept(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) return;
    try {
      const { login } = await request<{ login: string }>(
        "POST",
        `/api/invitations/${encodeURIComponent(token)}/accept`,
        { password },
      );
      onDone(login);
    } catch (caught) {
      setError(message(caught));
    }
  }
  return (
    <Stack component="form" onSubmit={accept} gap="sm">
      <PasswordInput
        required
        minLength={8}
        autoComplete="new-password"
        label={t("invite.password")}
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
      />
      <PasswordInput
        required
        autoComplete="new-password"
        label={t("invite.repeat")}
        value={repeat}
        error={mismatch ? t("invite.mismatch") : undefined}
        onChange={(event) => setRepeat(event.currentTarget.value)}
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Button type="submit" disabled={password.length < 8 || password !== repeat}>
        {t("invite.submit")}
      </Button>
    </Stack>
  );
}

export function InvitePage({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const [invitation, setInvitation] = useState<InvitationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [login, setLogin] = useState<string | null>(null);
  useEffect(() => {
    request<InvitationView>("GET", `/api/invitations/${encodeURIComponent(token)}`)
      .then(setInvitation)
      .catch((caught) => setError(message(caught)));
  }, [token]);
  return (
    <Paper withBorder p="lg" maw={560} mx="auto" mt="lg">
      <Stack>
        <Title order={2}>{t("invite.heading")}</Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {invitation && login === null && (
          <>
            <Text>{t("invite.intro")}</Text>
            <Table>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{t("units.displayName")}</Table.Th>
                  <Table.Td>{invitation.displayName}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t("units.role")}</Table.Th>
                  <Table.Td>{t(`role.${invitation.role}` as MessageKey)}</Table.Td>
                </Table.Tr>
                {invitation.unitName && (
                  <Table.Tr>
                    <Table.Th scope="row">{t("units.unit")}</Table.Th>
                    <Table.Td>{invitation.unitName}</Table.Td>
                  </Table.Tr>
                )}
                <Table.Tr>
                  <Table.Th scope="row">{t("invite.login")}</Table.Th>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{invitation.email.toLowerCase()}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t("units.expires")}</Table.Th>
                  <Table.Td>{formatDate(invitation.expiresAt, lang)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <AcceptForm token={token} onDone={setLogin} />
          </>
        )}
        {login && (
          <>
            <Alert color="green" role="status">
              {t("invite.done", { login })}
            </Alert>
            <Anchor href="/">{t("invite.signIn")}</Anchor>
          </>
        )}
      </Stack>
    </Paper>
  );
}
