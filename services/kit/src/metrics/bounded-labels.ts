/**
 * A label value chosen by callers (an operation name, an error code) must not let them grow the metrics
 * without bound: every distinct value is a new time series in every scraper. Values that fail `valid` are
 * counted as `invalid`, and once `cap` distinct values were seen any new one is counted as `other`.
 */
export class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly options: { cap: number; valid: RegExp; missing: string },
  ) {}

  label(value: string | null | undefined): string {
    if (value === null || value === undefined || value === '') return this.options.missing;
    if (!this.options.valid.test(value)) return 'invalid';
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.options.cap) return 'other';
    this.seen.add(value);
    return value;
  }
}

/** GraphQL names are /[_A-Za-z][_0-9A-Za-z]*\/; the length limit keeps a label (and a log field) short. */
export const OPERATION_NAME = /^[A-Za-z_]\w{0,63}$/;
/** Error codes are SCREAMING_CASE (kit's AppError codes, Apollo's own). */
export const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

export const MAX_OPERATION_LABELS = 200;
export const MAX_ERROR_CODE_LABELS = 50;

/** The operation name as logs show it: the name when it is a valid GraphQL name, otherwise a fixed word. */
export function operationNameForLog(name: string | null | undefined): string {
  if (name === null || name === undefined || name === '') return 'anonymous';
  return OPERATION_NAME.test(name) ? name : 'invalid';
}
