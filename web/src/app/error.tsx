'use client';

/**
 * Last line of defence for an unexpected failure while rendering. Pages handle gateway failures
 * themselves; this only shows a calm message. In production `error` carries no details, only a digest
 * that matches the server log.
 */
export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="error-page">
      <section className="notice-panel" role="alert" aria-labelledby="error-title">
        <h1 id="error-title">Er ging iets mis</h1>
        <p>Deze pagina kon niet worden getoond. Probeer het opnieuw; blijft het probleem bestaan, neem dan contact op met het functioneel beheer.</p>
        <p className="actions">
          <button type="button" className="button" onClick={() => reset()}>
            Opnieuw proberen
          </button>
          <a className="button button-quiet" href="/">
            Naar de startpagina
          </a>
        </p>
      </section>
    </main>
  );
}
