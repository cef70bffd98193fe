import { BoundedLabels, OPERATION_NAME, operationNameForLog } from './bounded-labels';

describe('bounded labels', () => {
  it('keeps the first `cap` valid names, then counts every new one as other', () => {
    const labels = new BoundedLabels({ cap: 3, valid: OPERATION_NAME, missing: 'anonymous' });
    expect(['A', 'B', 'C', 'D', 'A', 'E'].map((name) => labels.label(name))).toEqual(['A', 'B', 'C', 'other', 'A', 'other']);
  });

  it('names a missing value and refuses invalid ones without using up the cap', () => {
    const labels = new BoundedLabels({ cap: 1, valid: OPERATION_NAME, missing: 'anonymous' });
    expect(labels.label(null)).toBe('anonymous');
    expect(labels.label('')).toBe('anonymous');
    expect(labels.label('has space')).toBe('invalid');
    expect(labels.label('x'.repeat(65))).toBe('invalid');
    expect(labels.label('Valid_1')).toBe('Valid_1');
  });

  it('logs only valid operation names', () => {
    expect(operationNameForLog('SignIn')).toBe('SignIn');
    expect(operationNameForLog('who@example.org')).toBe('invalid');
    expect(operationNameForLog(undefined)).toBe('anonymous');
  });
});
