import { getTranslations } from 'next-intl/server';
import { getVocabulary } from '@/i18n/vocabulary';
import { getDates } from '@/lib/format';
import type { ResultOf } from 'gql.tada';
import { callGateway, type GatewayResult } from '@/lib/gateway';
import { leaveIfSessionEnded, loadSession } from '@/lib/session';
import { postMessage } from './actions';
import styles from './message-thread.module.css';
import { markMessagesReadOperation, messageThreadOperation, type ThreadMessage } from './operations';
import { PostMessageForm } from './post-form';

/** Pages of 100 (the API's largest); a thread longer than this shows its oldest 1000 and says so. */
const MAX_PAGES = 10;

type Loaded =
  | { ok: true; side: 'COORDINATOR' | 'PARTNER'; unreadCount: number; messages: ThreadMessage[]; complete: boolean }
  | { ok: false; notFound: boolean };

function fetchPage(referralId: string, after: string | null): Promise<GatewayResult<ResultOf<typeof messageThreadOperation>>> {
  return callGateway(messageThreadOperation, { variables: { referralId, after } });
}

async function loadThread(referralId: string): Promise<Loaded> {
  const messages: ThreadMessage[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await fetchPage(referralId, after);
    if (!result.ok) {
      leaveIfSessionEnded(result.failure);
      const notFound = result.failure.kind === 'FORBIDDEN' || (result.failure.kind === 'REJECTED' && result.failure.code === 'NOT_FOUND');
      return { ok: false, notFound };
    }
    const thread = result.data.referral.messageThread;
    messages.push(...thread.messages.nodes);
    if (!thread.messages.hasNextPage || !thread.messages.endCursor) {
      return { ok: true, side: thread.side, unreadCount: thread.unreadCount, messages, complete: true };
    }
    after = thread.messages.endCursor;
    if (page === MAX_PAGES - 1) return { ok: true, side: thread.side, unreadCount: thread.unreadCount, messages, complete: false };
  }
  return { ok: false, notFound: false };
}

/** The ids of the other side's newest `count` messages: those this side has not read yet. */
function unreadIds(messages: readonly ThreadMessage[], side: string, count: number): Set<string> {
  const ids = new Set<string>();
  for (let i = messages.length - 1; i >= 0 && ids.size < count; i -= 1) {
    const message = messages[i];
    if (message && message.side !== side) ids.add(message.id);
  }
  return ids;
}

/**
 * A referral's message thread for either side (the API tells which side the reader is on): the messages
 * oldest first, the ones new to this side marked, and a reply box. Showing the thread marks it read for
 * the reader's side — after the page has been given the unread marks it shows.
 */
export async function MessageThread({ referralId }: { referralId: string }) {
  const t = await getTranslations('Messages');
  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const headingId = `messages-${referralId}-heading`.replace(/[^A-Za-z0-9_-]/g, '-');

  const loaded = await loadThread(referralId);
  if (!loaded.ok) {
    return (
      <section className="section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('title')}</h2>
        <p className="notice notice-error" role="status">
          {loaded.notFound ? t('notFound') : t('unavailable')}
        </p>
      </section>
    );
  }

  const { side, messages, unreadCount } = loaded;
  const unread = unreadIds(messages, side, unreadCount);
  if (unreadCount > 0) {
    // A failure here only leaves the marks for next time; callGateway logs it (without content).
    await callGateway(markMessagesReadOperation, { variables: { referralId } });
  }
  const session = await loadSession();
  const me = session.ok ? session.session.user.id : null;

  const authorOf = (message: ThreadMessage) => {
    if (me && message.author?.id === me) return t('you');
    if (!message.author) return t('integration', { organisation: message.authorOrganisation.name });
    return message.authorOrganisation.name;
  };

  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section-heading">
        <h2 id={headingId}>{t('title')}</h2>
        {unreadCount > 0 ? <span className="badge badge-info">{t('unreadCount', { count: unreadCount })}</span> : null}
      </div>
      {!loaded.complete ? <p className="notice notice-info">{t('truncated', { count: messages.length })}</p> : null}
      {messages.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ol className={styles.list} aria-label={t('listLabel')}>
          {messages.map((message) => {
            const isUnread = unread.has(message.id);
            const classes = [styles.message, message.side === side ? styles.own : styles.other, isUnread ? styles.unread : '']
              .filter(Boolean)
              .join(' ');
            return (
              <li key={message.id} className={classes}>
                <p className={styles.meta}>
                  <span className={styles.author}>{authorOf(message)}</span>
                  <span>{vocabulary.threadSide(message.side)}</span>
                  <time dateTime={message.sentAt}>{dates.dateTime(message.sentAt)}</time>
                  {isUnread ? <span className="badge badge-info">{t('new')}</span> : null}
                </p>
                {message.body === null ? (
                  <p className={`${styles.body} withheld`}>{t('bodyWithheld')}</p>
                ) : (
                  <p className={styles.body}>{message.body}</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <PostMessageForm referralId={referralId} idempotencyKey={crypto.randomUUID()} post={postMessage.bind(null, referralId)} />
    </section>
  );
}
