import type { ReactNode } from "react";

/** A small label whose text keeps at least 4.5:1 contrast (Mantine's filled badges do not). */
const TONES = {
  error: { background: "#fff5f5", color: "#a51d1d", borderColor: "#ffa8a8" },
  warning: { background: "#fff9db", color: "#664400", borderColor: "#ffd43b" },
  ok: { background: "#ebfbee", color: "#1b5e20", borderColor: "#8ce99a" },
  neutral: { background: "#f1f3f5", color: "#343a40", borderColor: "#ced4da" },
} as const;

export function Pill({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <span
      style={{
        ...TONES[tone],
        borderWidth: 1,
        borderStyle: "solid",
        borderRadius: 999,
        padding: "1px 8px",
        fontSize: 12,
        fontWeight: 600,
        whiteSpace: "nowrap",
        display: "inline-block",
      }}
    >
      {children}
    </span>
  );
}
