'use client';

import { useFormStatus } from 'react-dom';

/** A form's submit button: disabled while the form is being sent, so one press sends once. */
export function SubmitButton({
  label,
  pendingLabel,
  variant = 'primary',
  name,
  value,
}: {
  label: string;
  pendingLabel: string;
  variant?: 'primary' | 'default' | 'danger' | 'quiet';
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  const className = variant === 'default' ? 'button' : `button button-${variant}`;
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? pendingLabel : label}
    </button>
  );
}
