// First: Monaco reads its worker locations while the modules below load.
import './monaco-workers';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './page.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { gatewayFetcher } from './fetcher';
import { headerFreeStorage } from './header-free-storage';

/** Shown in the header editor; the caller pastes a session or API token over the placeholder. */
const HEADER_TEMPLATE = JSON.stringify({ Authorization: 'Bearer <paste your token here>' }, null, 2);

const FIRST_QUERY = `# Paste a token in the Headers tab below, then run this.
query WhoAmI {
  me {
    user {
      id
    }
  }
}
`;

const root = document.getElementById('explorer');
if (!root) throw new Error('the explorer page has no #explorer element');

createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={gatewayFetcher(new URL('/graphql', window.location.origin).toString())}
      defaultHeaders={HEADER_TEMPLATE}
      defaultQuery={FIRST_QUERY}
      defaultEditorToolsVisibility="headers"
      // The token is never stored: headers are not persisted, the user cannot switch that on, and the
      // storage drops any headers GraphiQL writes regardless (its history does). Tabs and history
      // (operations may name people) go to sessionStorage, which dies with the browser tab, instead of
      // GraphiQL's default localStorage.
      shouldPersistHeaders={false}
      showPersistHeadersSettings={false}
      storage={headerFreeStorage(window.sessionStorage)}
    />
  </StrictMode>,
);
