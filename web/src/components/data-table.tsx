import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

/**
 * A list table in its scrolling frame: named by the section heading `labelledBy`, one column header per entry of
 * `columns`, and the rows (`<tr>`) as children.
 */
export function DataTable({ labelledBy, columns, children }: { labelledBy: string; columns: ReactNode[]; children: ReactNode }) {
  return (
    <TableScroll labelledBy={labelledBy}>
      <table className="table">
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th scope="col" key={index}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
