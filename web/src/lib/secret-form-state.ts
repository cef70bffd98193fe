import type { FormState } from '@/lib/form-state';

/**
 * A form whose success carries a secret made for this moment (a one-time password, an API token). It lives
 * only in this answer to this submit: never in `values`, never stored, gone on the next render or reload.
 */
export type SecretFormState = FormState & { secret?: string };
