'use client';

import './globals.css';

/**
 * Replaces the root layout when that fails itself — then there is no language setting or catalogue to read,
 * so the calm message stands in both languages.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nl">
      <body>
        <main id="main" className="error-page">
          <section className="notice-panel" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">Haven is even niet beschikbaar</h1>
            <p>Probeer het over enkele ogenblikken opnieuw.</p>
            <p lang="en">Haven is unavailable for a moment. Please try again in a few moments.</p>
            <p className="actions">
              <button type="button" className="button" onClick={() => reset()}>
                Opnieuw proberen <span lang="en">/ Try again</span>
              </button>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
