import 'server-only';
import { graphql } from '../graphql';

/**
 * Services ranked for one case's person, with the score explained, and the excluded ones with reasons.
 * The reasons are asked as codes with their numbers (detail, why), which the page words in the reader's
 * language; the API's English sentences (explanation, reasons) are not asked.
 */
export const matchServicesOperation = graphql(`
  query PortalMatchServices($input: MatchServicesInput!) {
    matchServices(input: $input) {
      ranked {
        score distanceKm
        breakdown {
          factor points max
          detail { code km place region languages waitlist freeSlots totalSlots staleDays decided acceptancePercent medianHours }
        }
        service {
          id name type city province
          organisation { id name }
          capacity { availableSlots totalSlots waitlistLength paused stale }
        }
      }
      excluded {
        why { code serviceType age limit gender exploitationType }
        service { id name type organisation { id name } }
      }
    }
  }
`);
