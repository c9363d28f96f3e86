import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useI18n } from "../i18n/index.js";
import { ApiError, auth, type Me } from "../lib/api.js";

/** Staff sign-in: the API sets a session cookie and returns the CSRF token for changes. */
export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useI18n();
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await auth.login(login, password));
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 401 ? t("login.wrong") : (failure as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" maw={420} mx="auto" mt="xl" component="form" onSubmit={submit}>
      <Stack>
        <Title order={1} size="h3">
          {t("login.heading")}
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t("login.login")}
          autoComplete="username"
          required
          value={login}
          onChange={(e) => setLogin(e.currentTarget.value)}
        />
        <PasswordInput
          label={t("login.password")}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" loading={busy}>
          {t("login.submit")}
        </Button>
      </Stack>
    </Paper>
  );
}
