'use server';

import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { checkbox, doneForm, failedForm, formValues, parseForm, wholeNumber, type FormState } from '@/lib/forms';
import { serviceCapacityOperation, updateCapacityOperation } from '@/lib/operations/capacity';
import { leaveIfSessionEnded } from '@/lib/session';

const MAX_SLOTS = 10_000;

const quickSchema = z.object({ change: z.enum(['minus', 'plus', 'full']) });
const editSchema = z.object({
  totalSlots: wholeNumber(0, MAX_SLOTS),
  waitlistLength: wholeNumber(0, MAX_SLOTS),
  paused: checkbox,
});

/**
 * One click: one free place more or less, or "full" (no free place: the total becomes what is held now).
 * The API takes the whole statement, so the current one is read first and only the total changes; the
 * API refuses (CONFLICT) a total below the places held, should someone accept in between.
 */
export async function quickCapacity(serviceId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('Capacity');
  const values = formValues(formData);
  const parsed = await parseForm(quickSchema, values);
  if (!parsed.ok) return parsed.state;
  const current = await callGateway(serviceCapacityOperation, { variables: { id: serviceId } });
  if (!current.ok) {
    leaveIfSessionEnded(current.failure);
    return failedForm(current.failure, values);
  }
  const capacity = current.data.service?.capacity ?? { totalSlots: 0, heldSlots: 0, waitlistLength: 0, paused: false };
  const available = Math.max(0, capacity.totalSlots - capacity.heldSlots);
  const change = parsed.data.change;
  if ((change === 'minus' || change === 'full') && available === 0) {
    return { status: 'failed', fieldErrors: {}, formError: t('noFreePlace'), values };
  }
  const totalSlots = change === 'plus' ? capacity.totalSlots + 1 : change === 'minus' ? capacity.totalSlots - 1 : capacity.heldSlots;
  const result = await callGateway(updateCapacityOperation, {
    variables: { input: { serviceId, totalSlots, paused: capacity.paused, waitlistLength: capacity.waitlistLength } },
  });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values, { codes: { CONFLICT: t('belowHeld') } });
  }
  refresh();
  return doneForm(t('saved', { available: result.data.updateCapacity.availableSlots }));
}

/** The whole statement: total, waiting list, paused. Saving it also confirms it (clears "not confirmed"). */
export async function editCapacity(serviceId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('Capacity');
  const values = formValues(formData);
  const parsed = await parseForm(editSchema, values);
  if (!parsed.ok) return parsed.state;
  const result = await callGateway(updateCapacityOperation, { variables: { input: { serviceId, ...parsed.data } } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values, { codes: { CONFLICT: t('belowHeld') } });
  }
  refresh();
  return doneForm(t('saved', { available: result.data.updateCapacity.availableSlots }), values);
}
