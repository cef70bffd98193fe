/**
 * The scrolling frame around a wide table. On a phone the table scrolls sideways inside it, so keyboard
 * users must be able to focus it to scroll (WCAG 2.1.1; axe's scrollable-region-focusable): a focusable group
 * (not a second landmark beside the section around it) named by the table's heading, so a screen reader
 * announces what the focus landed on.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: React.ReactNode }) {
  return (
    <div className="table-wrap" role="group" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
