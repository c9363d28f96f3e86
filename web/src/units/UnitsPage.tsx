import {
  Alert,
  Badge,
  Box,
  Button,
  CopyButton,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { CreatedInvitation, InvitationView } from "../../../src/contract/invitations.js";
import type { UnitsOverview } from "../../../src/contract/org-units.js";
import {
  makesCycle,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type UnitKind,
  unitTree,
} from "../../../src/domain/org-units.js";
import type { Role } from "../../../src/domain/roles.js";
import { type MessageKey, useI18n } from "../i18n/index.js";
import { request, type SessionUser } from "../lib/api.js";
import { formatDate } from "../lib/format.js";

interface UserRow {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  orgUnitId: number | null;
  katottg: string | null;
}

const roleKey = (role: Role) => `role.${role}` as MessageKey;

function useUnits(katottg: string) {
  const [overview, setOverview] = useState<UnitsOverview | null>(null);
  const [users, setUsers] = useState<UserRow[]>([]);
  const [invitations, setInvitations] = useState<InvitationView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    if (katottg === "") return;
    try {
      const query = `?katottg=${encodeURIComponent(katottg)}`;
      setOverview(await request<UnitsOverview>("GET", `/api/org-units/overview${query}`));
      const all = await request<UserRow[]>("GET", "/api/users");
      setUsers(all.filter((user) => user.katottg === katottg));
      setInvitations(await request<InvitationView[]>("GET", `/api/invitations${query}`));
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [katottg]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { overview, users, invitations, error, setError, reload };
}

type Unit = UnitsOverview["units"][number];

function useKindOptions() {
  const { lang } = useI18n();
  return UNIT_KINDS.map((kind) => ({ value: kind, label: UNIT_KIND_LABELS[kind][lang] }));
}

/** The units that may be `unit`'s parent (all when `unit` is new): not itself, nor one under it. */
function parentOptions(units: Unit[], unit: Unit | null, none: string) {
  const allowed = unit === null ? units : units.filter((other) => !makesCycle(units, unit.id, other.id));
  return [
    { value: "", label: none },
    ...unitTree(allowed).map(({ unit: other, depth }) => ({
      value: String(other.id),
      label: `${"· ".repeat(depth)}${other.name}`,
    })),
  ];
}

function EditUnit({ unit, units, onDone }: { unit: Unit; units: Unit[]; onDone: (error?: string) => void }) {
  const { t } = useI18n();
  const kinds = useKindOptions();
  const [name, setName] = useState(unit.name);
  const [kind, setKind] = useState<UnitKind>(unit.kind);
  const [parent, setParent] = useState(unit.parentId === null ? "" : String(unit.parentId));
  const parentId = parent === "" ? null : Number(parent);
  const changed = name !== unit.name || kind !== unit.kind || parentId !== unit.parentId;
  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await request("PATCH", `/api/org-units/${unit.id}`, { name, kind, parentId });
      onDone();
    } catch (caught) {
      onDone(caught instanceof Error ? caught.message : String(caught));
    }
  }
  return (
    <Group component="form" onSubmit={save} gap="xs" wrap="wrap" align="end">
      <TextInput
        size="xs"
        flex="1 1 100%"
        miw={240}
        aria-label={t("units.renameTo", { name: unit.name })}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <NativeSelect
        size="xs"
        aria-label={t("units.kindOf", { name: unit.name })}
        value={kind}
        data={kinds}
        onChange={(event) => setKind(event.currentTarget.value as UnitKind)}
      />
      <NativeSelect
        size="xs"
        maw={240}
        aria-label={t("units.parentOf", { name: unit.name })}
        value={parent}
        data={parentOptions(units, unit, t("units.noParent"))}
        onChange={(event) => setParent(event.currentTarget.value)}
      />
      <Button size="xs" type="submit" variant="light" disabled={name.trim() === "" || !changed}>
        {t("common.save")}
      </Button>
    </Group>
  );
}

/** Dark shades: the badges' white text keeps a 4.5:1 contrast. */
const KIND_COLORS: Record<UnitKind, string> = {
  executive: "indigo.9",
  department: "blue.9",
  enterprise: "teal.9",
  institution: "grape.9",
  starosta: "cyan.9",
  other: "gray.8",
};

/** A unit's name cell: indented by its depth in the tree, with its kind. */
function UnitCell({
  unit,
  depth,
  units,
  onDone,
}: {
  unit: Unit;
  depth: number;
  units: Unit[];
  onDone: (error?: string) => void;
}) {
  const { lang } = useI18n();
  return (
    <Box
      pl={depth === 0 ? 0 : "xs"}
      ml={`calc(${depth} * var(--mantine-spacing-lg))`}
      style={depth === 0 ? undefined : { borderInlineStart: "2px solid var(--mantine-color-gray-4)" }}
    >
      <Badge color={KIND_COLORS[unit.kind]} tt="none" mb={4}>
        {UNIT_KIND_LABELS[unit.kind][lang]}
      </Badge>
      <EditUnit
        key={`${unit.name}|${unit.kind}|${unit.parentId}`}
        unit={unit}
        units={units}
        onDone={onDone}
      />
    </Box>
  );
}

function MergeCell({
  id,
  name,
  others,
  onDone,
}: {
  id: number;
  name: string;
  others: { id: number; name: string }[];
  onDone: (error?: string) => void;
}) {
  const { t } = useI18n();
  const [into, setInto] = useState("");
  async function merge() {
    try {
      await request("POST", `/api/org-units/${id}/merge`, { into: Number(into) });
      onDone();
    } catch (caught) {
      onDone(caught instanceof Error ? caught.message : String(caught));
    }
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <NativeSelect
        size="xs"
        flex={1}
        miw={120}
        aria-label={t("units.mergeInto", { name })}
        value={into}
        data={[
          { value: "", label: "—" },
          ...others.map((other) => ({ value: String(other.id), label: other.name })),
        ]}
        onChange={(event) => setInto(event.currentTarget.value)}
      />
      <Button size="xs" variant="default" flex="none" disabled={into === ""} onClick={merge}>
        {t("units.merge")}
      </Button>
    </Group>
  );
}

function UnitsTable({ overview, onDone }: { overview: UnitsOverview; onDone: (error?: string) => void }) {
  const { t } = useI18n();
  if (overview.units.length === 0) return <Text>{t("units.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder data-testid="units-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="50%">
              {t("units.name")}
            </Table.Th>
            <Table.Th scope="col" className="num">
              {t("units.projects")}
            </Table.Th>
            <Table.Th scope="col" className="num">
              {t("units.users")}
            </Table.Th>
            <Table.Th scope="col">{t("units.merge")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {unitTree(overview.units).map(({ unit, depth }) => (
            <Table.Tr key={unit.id} data-depth={depth}>
              <Table.Td>
                <UnitCell unit={unit} depth={depth} units={overview.units} onDone={onDone} />
              </Table.Td>
              <Table.Td className="num">{unit.projects}</Table.Td>
              <Table.Td className="num">{unit.users}</Table.Td>
              <Table.Td>
                <MergeCell
                  id={unit.id}
                  name={unit.name}
                  others={overview.units.filter((other) => other.id !== unit.id)}
                  onDone={onDone}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Suggestions({ overview, onDone }: { overview: UnitsOverview; onDone: (error?: string) => void }) {
  const { t } = useI18n();
  const name = new Map(overview.units.map((unit) => [unit.id, unit.name]));
  if (overview.similar.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t("units.similar")}
      </Title>
      <Stack gap="xs">
        {overview.similar.map(([from, into]) => (
          <Button
            key={`${from}-${into}`}
            variant="light"
            size="xs"
            styles={{ root: { height: "auto", whiteSpace: "normal" }, label: { whiteSpace: "normal" } }}
            onClick={async () => {
              try {
                await request("POST", `/api/org-units/${from}/merge`, { into });
                onDone();
              } catch (caught) {
                onDone(caught instanceof Error ? caught.message : String(caught));
              }
            }}
          >
            {t("units.mergePair", { from: name.get(from) ?? "", into: name.get(into) ?? "" })}
          </Button>
        ))}
      </Stack>
    </Paper>
  );
}

function AddUnit({
  katottg,
  units,
  onDone,
}: {
  katottg: string;
  units: Unit[];
  onDone: (error?: string) => void;
}) {
  const { t } = useI18n();
  const kinds = useKindOptions();
  const [name, setName] = useState("");
  const [kind, setKind] = useState("");
  const [parent, setParent] = useState("");
  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      await request("POST", "/api/org-units", {
        katottg,
        name,
        ...(kind === "" ? {} : { kind }),
        parentId: parent === "" ? null : Number(parent),
      });
      setName("");
      setKind("");
      setParent("");
      onDone();
    } catch (caught) {
      onDone(caught instanceof Error ? caught.message : String(caught));
    }
  }
  return (
    <Group component="form" onSubmit={add} align="end" wrap="wrap">
      <TextInput
        flex={1}
        miw={220}
        label={t("units.newName")}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <NativeSelect
        label={t("units.kind")}
        value={kind}
        data={[{ value: "", label: t("units.kindByName") }, ...kinds]}
        onChange={(event) => setKind(event.currentTarget.value)}
      />
      <NativeSelect
        maw={280}
        label={t("units.parent")}
        value={parent}
        data={parentOptions(units, null, t("units.noParent"))}
        onChange={(event) => setParent(event.currentTarget.value)}
      />
      <Button type="submit" disabled={name.trim() === ""}>
        {t("units.add")}
      </Button>
    </Group>
  );
}

function UsersTable({ users, unitName }: { users: UserRow[]; unitName: Map<number, string> }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("units.login")}</Table.Th>
            <Table.Th scope="col">{t("units.displayName")}</Table.Th>
            <Table.Th scope="col">{t("units.role")}</Table.Th>
            <Table.Th scope="col">{t("units.unit")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.login}</Table.Td>
              <Table.Td>{user.displayName}</Table.Td>
              <Table.Td>{t(roleKey(user.role))}</Table.Td>
              <Table.Td>{user.orgUnitId === null ? "—" : (unitName.get(user.orgUnitId) ?? "—")}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PendingInvitations({ invitations }: { invitations: InvitationView[] }) {
  const { t, lang } = useI18n();
  if (invitations.length === 0) return null;
  const now = new Date().toISOString();
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {t("units.pending")}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder data-testid="invitations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("units.email")}</Table.Th>
              <Table.Th scope="col">{t("units.role")}</Table.Th>
              <Table.Th scope="col">{t("units.unit")}</Table.Th>
              <Table.Th scope="col">{t("units.expires")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>{t(roleKey(invitation.role))}</Table.Td>
                <Table.Td>{invitation.unitName ?? "—"}</Table.Td>
                <Table.Td>
                  {invitation.expiresAt <= now ? t("units.expired") : formatDate(invitation.expiresAt, lang)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function InviteLink({ created }: { created: CreatedInvitation }) {
  const { t, lang } = useI18n();
  return (
    <Alert color="green" role="status" data-testid="invitation-link">
      <Stack gap="xs">
        <Text size="sm">
          {t("units.inviteLink", { email: created.email, date: formatDate(created.expiresAt, lang) })}
        </Text>
        <Group gap="xs" wrap="wrap" align="end">
          <TextInput
            flex={1}
            miw={240}
            readOnly
            aria-label={t("units.inviteLink", {
              email: created.email,
              date: formatDate(created.expiresAt, lang),
            })}
            value={created.link}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={created.link}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t("units.copied") : t("units.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

const INVITED_ROLES = ["executor", "head", "controller"] as const;
const EMPTY_INVITE = { email: "", displayName: "", role: "executor", orgUnitId: "" };

function InviteForm({
  katottg,
  overview,
  onDone,
}: {
  katottg: string;
  overview: UnitsOverview;
  onDone: (error?: string) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState(EMPTY_INVITE);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      // Read now: React clears the event's currentTarget before a deferred updater runs.
      const value = event.currentTarget.value;
      setForm((was) => ({ ...was, [key]: value }));
    },
  });
  async function invite(event: FormEvent) {
    event.preventDefault();
    try {
      const answer = await request<CreatedInvitation>("POST", "/api/invitations", {
        email: form.email.trim(),
        displayName: form.displayName,
        role: form.role,
        katottg,
        orgUnitId: form.orgUnitId === "" ? null : Number(form.orgUnitId),
      });
      setCreated(answer);
      setForm(EMPTY_INVITE);
      onDone();
    } catch (caught) {
      setCreated(null);
      onDone(caught instanceof Error ? caught.message : String(caught));
    }
  }
  return (
    <Paper withBorder p="md" component="form" onSubmit={invite} aria-labelledby="invite-heading">
      <Stack gap="sm">
        <Title order={4} size="h5" id="invite-heading">
          {t("units.inviteHeading")}
        </Title>
        <Group grow align="start" wrap="wrap">
          <TextInput required type="email" miw={200} label={t("units.email")} {...field("email")} />
          <TextInput required miw={200} label={t("units.displayName")} {...field("displayName")} />
        </Group>
        <Group grow align="start" wrap="wrap">
          <NativeSelect
            miw={200}
            label={t("units.role")}
            data={INVITED_ROLES.map((role) => ({ value: role, label: t(roleKey(role)) }))}
            {...field("role")}
          />
          <NativeSelect
            miw={200}
            label={t("units.unit")}
            data={[
              { value: "", label: t("units.noUnit") },
              ...overview.units.map((unit) => ({ value: String(unit.id), label: unit.name })),
            ]}
            {...field("orgUnitId")}
          />
        </Group>
        <Group>
          <Button type="submit">{t("units.inviteSend")}</Button>
        </Group>
        {created && <InviteLink created={created} />}
      </Stack>
    </Paper>
  );
}

function UsersSection({
  katottg,
  overview,
  users,
  invitations,
  onDone,
}: {
  katottg: string;
  overview: UnitsOverview;
  users: UserRow[];
  invitations: InvitationView[];
  onDone: (error?: string) => void;
}) {
  const { t } = useI18n();
  const unitName = new Map(overview.units.map((unit) => [unit.id, unit.name]));
  return (
    <Stack>
      <Title order={3} size="h4">
        {t("units.usersHeading")}
      </Title>
      <UsersTable users={users} unitName={unitName} />
      <PendingInvitations invitations={invitations} />
      <InviteForm katottg={katottg} overview={overview} onDone={onDone} />
    </Stack>
  );
}

/**
 * The head's page of organisational units and users (`/units`): units made from the executors of
 * imported programmes, shown as a tree with each unit's kind — edit the name, kind and parent, merge
 * (with suggestions for names that look like one unit), add — and
 * the community's users, with invitations by e-mail (a role and a unit; the one-time link is shown to
 * copy, no mail is sent) and those not yet accepted. The server scopes every
 * write to the caller's community.
 */
export function UnitsPage({ me }: { me: SessionUser }) {
  const { t } = useI18n();
  const [code, setCode] = useState(me.katottg ?? "");
  const katottg = me.katottg ?? code.trim().toUpperCase();
  const { overview, users, invitations, error, setError, reload } = useUnits(katottg);
  const [saved, setSaved] = useState(false);
  const done = (failure?: string) => {
    setSaved(failure === undefined);
    setError(failure ?? null);
    void reload();
  };
  return (
    <Stack>
      <Title order={2}>{t("units.heading")}</Title>
      <Text>{t("units.intro")}</Text>
      {me.katottg === null && (
        <TextInput
          label={t("units.community")}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {saved && !error && (
        <Text role="status" size="sm" c="teal.9">
          {t("units.done")}
        </Text>
      )}
      {overview && (
        <>
          <Suggestions overview={overview} onDone={done} />
          <UnitsTable overview={overview} onDone={done} />
          <AddUnit katottg={katottg} units={overview.units} onDone={done} />
          <UsersSection
            katottg={katottg}
            overview={overview}
            users={users}
            invitations={invitations}
            onDone={done}
          />
        </>
      )}
    </Stack>
  );
}
