/** What the consent service's code needs besides its database, from configuration (or a test). */
export interface ConsentSettings {
  /**
   * Base URL of the cases subgraph (internal route consent-subject). A function when the address is only
   * known after consent listens: an in-process stack starts the two services, which call each other, on port 0.
   */
  casesUrl: string | (() => string);
}

export function casesUrlOf(settings: ConsentSettings | undefined): string | null {
  if (!settings) return null;
  return typeof settings.casesUrl === 'function' ? settings.casesUrl() : settings.casesUrl;
}
