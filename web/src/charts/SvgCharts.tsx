import type { Kopecks } from "../../../src/domain/money.js";
import type { RankedItem, Share, StackedSeries } from "../lib/chartData.js";
import { shorten } from "../lib/chartData.js";

/**
 * Lightweight SVG charts for the public page (ECharts alone is ~165 KB gzip, over the phone budget).
 * Each chart is an image with a label; the caller adds the text summary and a table.
 */
export const PALETTE = [
  "#1864ab",
  "#c2255c",
  "#2b8a3e",
  "#e8590c",
  "#5f3dc4",
  "#0b7285",
  "#862e9c",
  "#5c940d",
];
const color = (index: number) => PALETTE[index % PALETTE.length] ?? "#1864ab";

function Legend({ names }: { names: string[] }) {
  return (
    <ul style={{ listStyle: "none", padding: 0, margin: "0.5rem 0", fontSize: 13 }}>
      {names.map((name, index) => (
        <li key={name} style={{ display: "flex", gap: 6, alignItems: "baseline" }}>
          <span
            aria-hidden="true"
            style={{ width: 12, height: 12, background: color(index), display: "inline-block", flex: "none" }}
          />
          {name}
        </li>
      ))}
    </ul>
  );
}

export function StackedBarChart({
  data,
  label,
  format,
}: {
  data: StackedSeries;
  label: string;
  format: (k: Kopecks) => string;
}) {
  const width = 320;
  const height = 200;
  const top = 20;
  const bottom = 24;
  const sums = data.categories.map((_, index) =>
    data.series.reduce((sum, s) => sum + (s.values[index] ?? 0), 0),
  );
  const max = Math.max(1, ...sums);
  const slot = width / Math.max(1, data.categories.length);
  const barWidth = Math.min(64, slot * 0.6);
  const scale = (value: number) => (value / max) * (height - top - bottom);
  return (
    <div>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={label}
        style={{ width: "100%", maxWidth: 520, height: "auto" }}
      >
        {data.categories.map((year, index) => {
          const x = index * slot + (slot - barWidth) / 2;
          let y = height - bottom;
          return (
            <g key={year}>
              {data.series.map((series, seriesIndex) => {
                const h = scale(series.values[index] ?? 0);
                y -= h;
                return (
                  <rect key={series.name} x={x} y={y} width={barWidth} height={h} fill={color(seriesIndex)} />
                );
              })}
              <text
                x={x + barWidth / 2}
                y={height - bottom - scale(sums[index] ?? 0) - 4}
                textAnchor="middle"
                fontSize="10"
                fill="#212529"
              >
                {format(sums[index] ?? 0)}
              </text>
              <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" fontSize="11" fill="#212529">
                {year}
              </text>
            </g>
          );
        })}
        <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} stroke="#495057" />
      </svg>
      <Legend names={data.series.map((s) => s.name)} />
    </div>
  );
}

export function DonutChart({ shares, label }: { shares: Share[]; label: string }) {
  const radius = 70;
  const circumference = 2 * Math.PI * radius;
  const total = shares.reduce((sum, share) => sum + share.value, 0) || 1;
  let offset = 0;
  return (
    <div>
      <svg
        viewBox="0 0 200 200"
        role="img"
        aria-label={label}
        style={{ width: "100%", maxWidth: 220, height: "auto" }}
      >
        <g transform="rotate(-90 100 100)">
          {shares.map((share, index) => {
            const length = (share.value / total) * circumference;
            const dash = `${length} ${circumference - length}`;
            const circle = (
              <circle
                key={share.source}
                cx={100}
                cy={100}
                r={radius}
                fill="none"
                stroke={color(index)}
                strokeWidth={36}
                strokeDasharray={dash}
                strokeDashoffset={-offset}
              />
            );
            offset += length;
            return circle;
          })}
        </g>
      </svg>
      <Legend names={shares.map((s) => `${s.name} — ${s.percent.toLocaleString("uk-UA")}%`)} />
    </div>
  );
}

export function HorizontalBarChart({
  items,
  label,
  format,
}: {
  items: RankedItem[];
  label: string;
  format: (k: Kopecks) => string;
}) {
  const max = Math.max(1, ...items.map((item) => item.value));
  return (
    <div role="img" aria-label={label}>
      {items.map((item) => (
        <div key={item.id} style={{ marginBottom: 8 }}>
          <div style={{ fontSize: 13 }}>{shorten(item.label, 90)}</div>
          <div style={{ display: "flex", alignItems: "center", gap: 6 }}>
            <div
              style={{ height: 14, width: `${Math.max(1, (item.value / max) * 75)}%`, background: color(0) }}
            />
            <span style={{ fontSize: 12, whiteSpace: "nowrap" }}>{format(item.value)}</span>
          </div>
        </div>
      ))}
    </div>
  );
}
