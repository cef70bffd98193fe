import 'server-only';
import { graphql } from '../graphql';

/** Services ranked for one case's person, with the score explained, and the excluded ones with reasons. */
export const matchServicesOperation = graphql(`
  query PortalMatchServices($input: MatchServicesInput!) {
    matchServices(input: $input) {
      ranked {
        score distanceKm
        breakdown { factor points max explanation }
        service {
          id name type city province
          organisation { id name }
          capacity { availableSlots totalSlots waitlistLength paused stale }
        }
      }
      excluded {
        reasons
        service { id name type organisation { id name } }
      }
    }
  }
`);
