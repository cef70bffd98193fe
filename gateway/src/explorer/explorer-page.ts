/** Where the explorer lives on the gateway. */
export const EXPLORER_PATH = '/explorer';
export const EXPLORER_ASSETS_PATH = `${EXPLORER_PATH}/assets`;

/** The URL of one bundled file; the version makes it unique, so it may be cached for good. */
export function explorerAssetUrl(version: string, name: string): string {
  return `${EXPLORER_ASSETS_PATH}/${version}/${name}`;
}

/**
 * The explorer's HTML: no inline script or style (the Content-Security-Policy allows scripts from this
 * origin only), every URL on this origin.
 */
export function explorerPage(version: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Haven API explorer</title>
    <link rel="stylesheet" href="${explorerAssetUrl(version, 'main.css')}" />
    <script type="module" src="${explorerAssetUrl(version, 'main.js')}"></script>
  </head>
  <body>
    <noscript>The API explorer needs JavaScript. The API itself does not: POST JSON to /graphql.</noscript>
    <div id="explorer"></div>
  </body>
</html>
`;
}
