import { mergeRuleMaps } from '@haven/kit/src/graphql/permissions';
import { caseRules } from './rules/case-rules';
import { emergencyRules } from './rules/emergency-rules';
import { messageRules } from './rules/message-rules';
import { referralRules } from './rules/referral-rules';
import { statisticsRules } from './rules/statistics-rules';

// The cases subgraph's one permission map (fallback deny), put together from one file per area so each
// area's rules sit beside each other; a field given a rule in two files fails at start-up.
export const casesPermissions = mergeRuleMaps(caseRules, messageRules, referralRules, emergencyRules, statisticsRules);
