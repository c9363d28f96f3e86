/** The public page's note on a programme published with validation errors: the head's reason. */
import { Alert } from "@mantine/core";
import { useEffect, useState } from "react";
import { useReportingText } from "./text.js";

export function PublishNote({ katottg, from, to }: { katottg: string; from: number; to: number }) {
  const { rt } = useReportingText();
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    fetch(`/api/public/notes/${encodeURIComponent(katottg)}/${from}-${to}`, {
      headers: { accept: "application/json" },
    })
      .then((response) => (response.ok ? response.json() : { note: null }))
      .then((body: { note: string | null }) => setNote(body.note))
      .catch(() => setNote(null));
  }, [katottg, from, to]);
  if (!note) return null;
  return (
    <Alert color="yellow" mb="md" data-testid="publish-note">
      {rt("publish.note", { reason: note })}
    </Alert>
  );
}
