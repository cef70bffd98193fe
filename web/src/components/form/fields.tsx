import type { ReactNode } from 'react';

/**
 * The portal's form fields: a label tied to its control, an optional hint, and the server's message for
 * the field (announced with the control through aria-describedby, marked with aria-invalid). No hooks, so
 * server and client components both use them. Ids are `${form}-${name}`, unique per page as long as
 * each form on a page has its own `form` id.
 */

type FieldBase = {
  /** The form's id: prefixes every control id. */
  form: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
};

export function fieldId(form: string, name: string): string {
  return `${form}-${name}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** What every single control shares: its id and name, required, and the hint/error it is described by. */
function controlProps(id: string, name: string, required: boolean | undefined, hint: unknown, error: unknown) {
  return {
    id,
    name,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  } as const;
}

/** A single control's frame: the label tied to it, the control, then its hint and error. */
function LabelledField({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
      </label>
      {children}
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'form' | 'name' | 'id' | 'defaultValue'> & {
  defaultValue?: string | number | null;
};

export function TextField({ form, name, label, hint, error, required, defaultValue, type = 'text', ...input }: FieldBase & InputProps) {
  const id = fieldId(form, name);
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <input {...controlProps(id, name, required, hint, error)} type={type} defaultValue={defaultValue ?? undefined} {...input} />
    </LabelledField>
  );
}

export function TextArea({
  form,
  name,
  label,
  hint,
  error,
  required,
  defaultValue,
  rows = 4,
  maxLength,
}: FieldBase & { defaultValue?: string | null; rows?: number; maxLength?: number }) {
  const id = fieldId(form, name);
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <textarea {...controlProps(id, name, required, hint, error)} rows={rows} maxLength={maxLength} defaultValue={defaultValue ?? undefined} />
    </LabelledField>
  );
}

export type Option = { value: string; label: ReactNode };

export function SelectField({
  form,
  name,
  label,
  hint,
  error,
  required,
  options,
  defaultValue,
  placeholder,
}: FieldBase & { options: Option[]; defaultValue?: string | null; placeholder?: string }) {
  const id = fieldId(form, name);
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <select
        // Remounted when the value to show changes: React resets a form after its action, and a select (unlike an
        // input) would not take a changed defaultValue, losing the choice a refused form sent back.
        key={defaultValue ?? ''}
        {...controlProps(id, name, required, hint, error)}
        defaultValue={defaultValue ?? ''}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

/** Checkboxes (several may be chosen) or radios (one), grouped under a legend. */
export function ChoiceGroup({
  form,
  name,
  label,
  hint,
  error,
  required,
  options,
  defaultValues = [],
  type = 'checkbox',
  inline = false,
}: FieldBase & { options: Option[]; defaultValues?: readonly string[]; type?: 'checkbox' | 'radio'; inline?: boolean }) {
  const id = fieldId(form, name);
  return (
    <fieldset
      className={inline ? 'field choices choices-inline' : 'field choices'}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint, error)}
      id={id}
    >
      <legend>
        {label}
      </legend>
      <HintAndError id={id} hint={hint} error={error} />
      {options.map((option) => {
        const optionId = fieldId(id, option.value);
        return (
          <div className="choice" key={option.value}>
            <input
              type={type}
              id={optionId}
              name={name}
              value={option.value}
              defaultChecked={defaultValues.includes(option.value)}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** One yes/no checkbox with its own label. */
export function Checkbox({ form, name, label, hint, error, defaultChecked }: Omit<FieldBase, 'required'> & { defaultChecked?: boolean }) {
  const id = fieldId(form, name);
  return (
    <div className="field choice">
      <input type="checkbox" id={id} name={name} defaultChecked={defaultChecked} aria-describedby={describedBy(id, hint, error)} />
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}
