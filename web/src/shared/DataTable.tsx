import { Table } from "@mantine/core";
import { withKeys } from "../lib/keys.js";

/** A chart's numbers as a plain table: the first column names the row, the rest are amounts. */
export function DataTable({ head, rows }: { head: string[]; rows: string[][] }) {
  return (
    <div style={{ overflowX: "auto" }}>
      <Table fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            {head.map((cell, index) => (
              <Table.Th scope="col" key={cell} className={index > 0 ? "num" : undefined}>
                {cell}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {withKeys(rows, (row) => row.join("|")).map(({ key, value: row }) => (
            <Table.Tr key={key}>
              {withKeys(row, (cell) => cell).map(({ key: cellKey, value: cell, index }) => (
                <Table.Td key={cellKey} className={index > 0 ? "num" : undefined}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
