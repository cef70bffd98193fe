'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ChoiceGroup, type Option } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState } from '@/lib/form-state';
import { withdrawConsent } from './withdraw-actions';

/** Withdrawing one active consent record: the whole of it, or the categories ticked. One press. */
export function WithdrawConsentForm({ caseId, recordId, categories }: { caseId: string; recordId: string; categories: Option[] }) {
  const t = useTranslations('CaseConsent');
  const forms = useTranslations('Forms');
  const [state, action] = useActionState(withdrawConsent.bind(null, caseId, recordId), initialFormState);
  const form = `withdraw-${recordId}`;
  return (
    <details className="withdraw">
      <summary>{t('withdrawTitle')}</summary>
      <form action={action} className="form" noValidate>
        <FormMessage form={form} state={state} />
        <ChoiceGroup form={form} name="categories" label={t('withdrawCategories')} hint={t('withdrawCategoriesHint')} options={categories} error={state.fieldErrors.categories} inline />
        <div className="form-actions">
          <SubmitButton label={t('withdrawSubmit')} pendingLabel={forms('saving')} variant="danger" />
        </div>
      </form>
    </details>
  );
}
