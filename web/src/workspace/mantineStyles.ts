// The public page's Mantine styles plus those of the components only the workspace uses (see
// shared/mantineStyles.ts for why not the whole bundle).
import "../shared/mantineStyles.js";
import "@mantine/core/styles/ActionIcon.css";
import "@mantine/core/styles/InlineInput.css";
import "@mantine/core/styles/NumberInput.css";
import "@mantine/core/styles/PasswordInput.css";
import "@mantine/core/styles/Badge.css";
import "@mantine/core/styles/Burger.css";
import "@mantine/core/styles/List.css";
import "@mantine/core/styles/AppShell.css";
import "@mantine/core/styles/Checkbox.css";
import "@mantine/core/styles/Grid.css";
import "@mantine/core/styles/Progress.css";
import "@mantine/core/styles/ScrollArea.css";
import "@mantine/core/styles/Overlay.css";
import "@mantine/core/styles/ModalBase.css";
import "@mantine/core/styles/Modal.css";
import "@mantine/core/styles/Popover.css";
import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/Tabs.css";
