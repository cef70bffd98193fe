import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { catalogues } from '../i18n/messages';
import { checkbox, failedFormState, formValues, invalidFormState, list, optionalText, optionalWholeNumber, text, wholeNumber, type FormsKey } from './form-rules';

// The real Dutch catalogue, so a key the rules use but the catalogue lacks fails here.
const forms = catalogues.nl.Forms as Record<string, string>;
const t = (key: FormsKey, values?: Record<string, string | number>) => {
  const message = forms[key];
  assert.ok(message, `Forms.${key} is missing from the catalogue`);
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name]));
};

const schema = z.object({
  name: text(10, 2),
  note: optionalText(5),
  slots: wholeNumber(0, 50),
  age: optionalWholeNumber(0, 120),
  needs: list(z.enum(['SHELTER', 'LEGAL_AID']), 1),
  urgent: checkbox,
  email: z.email(),
});

function parse(values: Record<string, string | string[]>) {
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true as const, data: parsed.data } : { ok: false as const, state: invalidFormState(parsed.error, values, t) };
}

describe('form rules', () => {
  it('reads FormData: one value as text, repeated names as a list, files and action ids left out', () => {
    const data = new FormData();
    data.append('name', 'A');
    data.append('needs', 'SHELTER');
    data.append('needs', 'LEGAL_AID');
    data.append('$ACTION_ID_abc', '');
    data.append('upload', new Blob(['x']));
    assert.deepEqual(formValues(data), { name: 'A', needs: ['SHELTER', 'LEGAL_AID'] });
  });

  it('accepts what people type: trimmed text, empty optional fields as absent, numbers from strings, one ticked box as a list', () => {
    const result = parse({ name: '  Anna ', note: '  ', slots: ' 3 ', age: '', needs: 'SHELTER', urgent: 'on', email: 'a@b.nl' });
    assert.deepEqual(result, { ok: true, data: { name: 'Anna', note: undefined, slots: 3, age: undefined, needs: ['SHELTER'], urgent: true, email: 'a@b.nl' } });
  });

  it('gives every bad field its own message in words, keeps the values, and sums up at the top', () => {
    const values = { name: 'A', note: 'too long', slots: 'many', age: '200', email: 'not-an-address' };
    const result = parse(values);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.state.status, 'invalid');
    assert.equal(result.state.formError, forms.errorSummary);
    assert.deepEqual(result.state.values, values);
    assert.deepEqual(result.state.fieldErrors, {
      name: 'Gebruik minstens 2 tekens.',
      note: 'Gebruik hoogstens 5 tekens.',
      slots: forms.invalidNumber,
      age: 'Vul 120 of minder in.',
      needs: forms.chooseAtLeastOne,
      email: forms.invalidEmail,
    });
  });

  it('says "required" for a required field left empty, not "too short"', () => {
    const result = parse({ name: '', slots: '', email: '', needs: 'SHELTER' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.state.fieldErrors.name, forms.required);
    assert.equal(result.state.fieldErrors.slots, forms.required);
    assert.equal(result.state.fieldErrors.email, forms.required);
  });

  it('turns gateway failures into calm form messages that keep the values', () => {
    const values = { name: 'Anna' };
    assert.deepEqual(failedFormState({ kind: 'UNAVAILABLE' }, values, t), { status: 'failed', fieldErrors: {}, formError: forms.unavailable, values });
    assert.equal(failedFormState({ kind: 'FORBIDDEN' }, values, t).formError, forms.forbidden);
    assert.equal(failedFormState({ kind: 'REJECTED', code: 'CONFLICT', fields: [] }, values, t).formError, forms.conflict);
    assert.equal(failedFormState({ kind: 'REJECTED', code: 'NOT_FOUND', fields: [] }, values, t).formError, forms.notFound);
    // A domain code in the page's own words.
    assert.equal(
      failedFormState({ kind: 'REJECTED', code: 'CONSENT_REQUIRED', fields: [] }, values, t, { codes: { CONSENT_REQUIRED: 'record consent first' } }).formError,
      'record consent first',
    );
    // Bad input the API pins on a field lands beside that field (renamed when the form calls it otherwise).
    const bad = failedFormState({ kind: 'REJECTED', code: 'BAD_USER_INPUT', fields: ['totalSlots'] }, values, t, { fields: { totalSlots: 'total' } });
    assert.deepEqual(bad.fieldErrors, { total: forms.invalid });
    assert.equal(bad.formError, forms.badInput);
  });
});
