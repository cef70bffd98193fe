import { ErrorNotice } from './error-notice';

/** Shown instead of a page the active role does not open. The gateway would refuse its data anyway. */
export function NoAccess() {
  return <ErrorNotice failure={{ kind: 'FORBIDDEN' }} />;
}
