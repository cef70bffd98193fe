/**
 * One message as the outbox holds it. Haven's mails name no person and no case: only the recipient's
 * address, a subject and a short text saying that something needs attention, with a portal link.
 */
export interface OutgoingMail {
  /** The outbox row id (a UUID): also the Message-ID and the folder transport's file name, so a resend is the same message. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Outbox ids become file names and Message-IDs: anything but a UUID is refused before it gets near either. */
export function assertOutboxId(id: string): string {
  if (!UUID.test(id)) throw new Error('outbox id must be a UUID');
  return id.toLowerCase();
}

/** `<outbox-id@sender-domain>`: the same on every attempt, so a receiver can recognise a resend as one message. */
export function messageIdFor(id: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'haven.invalid';
  return `<${assertOutboxId(id)}@${domain}>`;
}
