// The public page's Mantine styles plus those of the components only the workspace uses (see
// shared/mantineStyles.ts for why not the whole bundle).
import "../shared/mantineStyles.js";
import "@mantine/core/styles/ActionIcon.css";
import "@mantine/core/styles/Input.css";
import "@mantine/core/styles/InlineInput.css";
import "@mantine/core/styles/NumberInput.css";
import "@mantine/core/styles/PasswordInput.css";
import "@mantine/core/styles/Badge.css";
import "@mantine/core/styles/Burger.css";
import "@mantine/core/styles/List.css";
import "@mantine/core/styles/AppShell.css";
