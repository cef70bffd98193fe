import { getVocabulary } from '@/i18n/vocabulary';

type Vocabulary = Awaited<ReturnType<typeof getVocabulary>>;
type Answer = {
  declineReason?: Parameters<Vocabulary['declineReason']>[0] | null;
  outcome?: Parameters<Vocabulary['referralOutcome']>[0] | null;
  reasonText?: string | null;
};

/**
 * The rows of a referral's answer that both sides see in its details list (a `<dl className="details">`):
 * why it was declined, how it ended, and the text given with either — each only when there is one. The
 * labels are the page's own words.
 */
export async function ReferralAnswerRows({
  referral,
  labels,
}: {
  referral: Answer;
  labels: { declineReason: string; outcome: string; reasonText: string };
}) {
  const vocabulary = await getVocabulary();
  return (
    <>
      {referral.declineReason ? (
        <>
          <dt>{labels.declineReason}</dt>
          <dd>{vocabulary.declineReason(referral.declineReason)}</dd>
        </>
      ) : null}
      {referral.outcome ? (
        <>
          <dt>{labels.outcome}</dt>
          <dd>{vocabulary.referralOutcome(referral.outcome)}</dd>
        </>
      ) : null}
      {referral.reasonText ? (
        <>
          <dt>{labels.reasonText}</dt>
          <dd className="break">{referral.reasonText}</dd>
        </>
      ) : null}
    </>
  );
}
