'use server';

import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { doneForm, failedForm, formValues, parseForm, text, type FormState } from '@/lib/forms';
import { leaveIfSessionEnded } from '@/lib/session';
import { postMessageOperation } from './operations';

/** The API's own limits (1–4000 characters; an idempotency key of its alphabet). */
const postSchema = z.object({
  body: text(4000),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_\-:.]{1,100}$/),
});

/**
 * Posts on the caller's side of the thread. The idempotency key comes from the page that rendered the
 * form, so a double submit or a retry after a lost answer posts once; after success the page is rendered
 * again (refresh) and brings a fresh key with the new message.
 */
export async function postMessage(referralId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('Messages');
  const values = formValues(formData);
  const parsed = await parseForm(postSchema, values);
  if (!parsed.ok) return parsed.state;
  const result = await callGateway(postMessageOperation, {
    variables: { referralId, body: parsed.data.body, idempotencyKey: parsed.data.idempotencyKey },
  });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values, {
      codes: { INVALID_TRANSITION: t('closedCase'), CONFLICT: t('conflict'), NOT_FOUND: t('notFound') },
    });
  }
  refresh();
  return doneForm(t('sent'));
}
