'use client';

import './globals.css';

/** Replaces the root layout when that fails itself; keeps the same calm message. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nl">
      <body>
        <main id="main" className="error-page">
          <section className="notice-panel" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">Haven is even niet beschikbaar</h1>
            <p>Probeer het over enkele ogenblikken opnieuw.</p>
            <p className="actions">
              <button type="button" className="button" onClick={() => reset()}>
                Opnieuw proberen
              </button>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
