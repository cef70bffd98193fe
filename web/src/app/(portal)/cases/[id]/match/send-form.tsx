'use client';

import Link from 'next/link';
import { useActionState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState, type FormState } from '@/lib/form-state';
import styles from './match.module.css';

export type MatchRow = {
  serviceId: string;
  /** The service's name: the tickbox's label. */
  name: string;
  /** Already referred and still active: cannot be ticked again. */
  referred: boolean;
  /** The server-rendered description of the service and its score. */
  content: ReactNode;
};

/**
 * The ranked services as a list of tickboxes: tick one or several and send them in one go. The score
 * and its explanation are rendered on the server; this only adds the form.
 */
export function SendReferralsForm({
  caseId,
  rows,
  idempotencyKey,
  send,
}: {
  caseId: string;
  rows: MatchRow[];
  idempotencyKey: string;
  send: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('CaseMatch');
  const [state, action] = useActionState(send, initialFormState);
  const ticked = state.status === 'done' ? [] : Array.isArray(state.values.serviceId) ? state.values.serviceId : state.values.serviceId ? [state.values.serviceId] : [];
  return (
    <form action={action} className="form" noValidate aria-labelledby="ranked-heading">
      <FormMessage form="send" state={state} labels={{ serviceId: t('choose') }} />
      {state.status === 'done' ? (
        <p>
          <Link href={`/cases/${caseId}`}>{t('toCase')}</Link>
        </p>
      ) : null}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset className={styles.fieldset} id="send-serviceId" aria-describedby={state.fieldErrors.serviceId ? 'send-serviceId-error' : undefined}>
        <legend className="visually-hidden">{t('choose')}</legend>
        {state.fieldErrors.serviceId ? (
          <p id="send-serviceId-error" className="field-error">
            {state.fieldErrors.serviceId}
          </p>
        ) : null}
        <ol className={styles.list}>
          {rows.map((row, index) => (
            <li key={row.serviceId} className={`card ${styles.item}`}>
              <div className="choice">
                <input
                  type="checkbox"
                  id={`send-service-${row.serviceId}`}
                  name="serviceId"
                  value={row.serviceId}
                  disabled={row.referred}
                  defaultChecked={ticked.includes(row.serviceId)}
                  aria-describedby={`send-service-${row.serviceId}-details`}
                />
                <label htmlFor={`send-service-${row.serviceId}`} className={styles.name}>
                  <span className={styles.rank}>{t('rank', { rank: index + 1 })}</span> {row.name}
                </label>
              </div>
              <div id={`send-service-${row.serviceId}-details`}>{row.content}</div>
            </li>
          ))}
        </ol>
      </fieldset>
      <div className="form-actions">
        <SubmitButton label={t('send')} pendingLabel={t('sending')} />
      </div>
    </form>
  );
}
