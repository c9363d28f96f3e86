/**
 * Publishing a programme that has error findings asks first: the dialog lists the errors and takes the
 * head's written reason (the API refuses such a publication without one, and keeps the reason in the
 * audit and as a note on the public page).
 */
import { Alert, Button, Group, List, Modal, ScrollArea, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import type { Finding } from "../../../src/domain/model.js";
import { useReportingText } from "./text.js";

export function PublishDialog({
  errors,
  opened,
  onCancel,
  onConfirm,
}: {
  errors: Finding[];
  opened: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const { rt } = useReportingText();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm(reason.trim());
      setReason("");
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      closeButtonProps={{ "aria-label": rt("head.close") }}
      opened={opened}
      onClose={onCancel}
      title={rt("publish.title")}
      size="lg"
      centered
    >
      <Stack>
        <Text>{rt("publish.intro", { count: errors.length })}</Text>
        <ScrollArea.Autosize mah={240} type="auto">
          <List size="sm" data-testid="publish-errors">
            {errors.map((finding) => (
              <List.Item key={`${finding.code}-${finding.location.ref}-${finding.message}`}>
                {finding.message}
              </List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
        <Textarea
          label={rt("publish.reason")}
          value={reason}
          required
          autosize
          minRows={3}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {rt("publish.cancel")}
          </Button>
          <Button color="red.9" loading={busy} disabled={reason.trim() === ""} onClick={confirm}>
            {rt("publish.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
