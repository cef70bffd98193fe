import type { FormState } from '@/lib/form-state';

/**
 * What a field shows: after a refused submit, what was typed (nothing lost); otherwise the current value from
 * the server, so a saved form shows what is stored now.
 */
function typed(state: FormState): boolean {
  return state.status === 'invalid' || state.status === 'failed';
}

export function valueOf(state: FormState, name: string, current: string | number | null | undefined): string {
  if (typed(state)) {
    const value = state.values[name];
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  }
  return current === null || current === undefined ? '' : String(current);
}

export function listOf(state: FormState, name: string, current: readonly string[]): string[] {
  if (typed(state)) {
    const value = state.values[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  }
  return [...current];
}

export function checkedOf(state: FormState, name: string, current: boolean): boolean {
  return typed(state) ? state.values[name] === 'on' : current;
}
