import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { buildDemoNetwork } from '../../scripts/demo-network';
import { ACCOUNTS, SESSION_COOKIE, sessionCookie, signIn } from './support/portal';

// The portal's HSDS download checked as another directory would read it: every object against the HSDS 3.0
// schemas vendored in the partners service (the same files its unit test uses), and every reference resolving
// inside the one document.

const EXPORT_PATH = '/directory/hsds';
const FILENAME = 'haven-directory-hsds-3.0.json';
const SCHEMAS = join(__dirname, '..', '..', 'services', 'partners', 'src', 'hsds', 'schemas');

type HsdsObject = Record<string, unknown> & { id: string };
type HsdsDocument = {
  organizations: HsdsObject[];
  services: HsdsObject[];
  locations: HsdsObject[];
  service_at_locations: HsdsObject[];
};

// The compiled HSDS 3.0 schemas are self-contained (their cross-references inlined) and draft-07 style;
// strict: false because they carry HSDS' own annotation keywords. HSDS publishes no compiled location
// schema: the one inlined in service_at_location.properties.location is it.
async function validators(): Promise<Record<keyof HsdsDocument, ValidateFunction>> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const load = async (file: string) => JSON.parse(await readFile(join(SCHEMAS, file), 'utf8'));
  const serviceAtLocation = await load('service_at_location.json');
  return {
    organizations: ajv.compile(await load('organization.json')),
    services: ajv.compile(await load('service.json')),
    locations: ajv.compile(serviceAtLocation.properties.location),
    service_at_locations: ajv.compile(serviceAtLocation),
  };
}

function expectHsdsDocument(document: HsdsDocument, validate: Record<keyof HsdsDocument, ValidateFunction>): void {
  expect(Object.keys(document).sort()).toEqual(['locations', 'organizations', 'service_at_locations', 'services']);
  for (const list of ['organizations', 'services', 'locations', 'service_at_locations'] as const) {
    expect(document[list].length, list).toBeGreaterThan(0);
    for (const [index, object] of document[list].entries()) {
      // The failing object's list, position and id name it; the errors say which field broke which rule.
      const valid = validate[list](object);
      expect(valid ? [] : validate[list].errors, `${list}[${index}] ${object.id}`).toEqual([]);
    }
    const ids = document[list].map((object) => object.id);
    expect(new Set(ids).size, `${list}: ids are unique`).toBe(ids.length);
  }

  const organizationIds = new Set(document.organizations.map((organization) => organization.id));
  const serviceIds = new Set(document.services.map((service) => service.id));
  const locationIds = new Set(document.locations.map((location) => location.id));
  const unknown = (ids: Set<string>, value: unknown) => (ids.has(String(value)) ? [] : [String(value)]);
  expect(document.services.flatMap((service) => unknown(organizationIds, service.organization_id))).toEqual([]);
  expect(document.locations.flatMap((location) => unknown(organizationIds, location.organization_id))).toEqual([]);
  expect(document.service_at_locations.flatMap((link) => unknown(serviceIds, link.service_id))).toEqual([]);
  expect(document.service_at_locations.flatMap((link) => unknown(locationIds, link.location_id))).toEqual([]);
  // Every service can be found somewhere.
  const placed = new Set(document.service_at_locations.map((link) => link.service_id));
  expect(document.services.filter((service) => !placed.has(service.id)).map((service) => service.id)).toEqual([]);
}

async function expectNoDirectoryIn(response: APIResponse): Promise<void> {
  const text = await response.text();
  expect(text).not.toContain('"organizations"');
  expect(text).not.toContain('"service_at_locations"');
}

test.describe('the directory as one HSDS 3.0 document', () => {
  const profiles = buildDemoNetwork().profiles;

  test('a coordinator downloads the whole directory from the directory page, valid HSDS 3.0 throughout', async ({ page }) => {
    expect(profiles.length).toBeGreaterThan(60);
    const validate = await validators();
    await signIn(page, ACCOUNTS.coordinator);
    await page.goto('/directory');

    // The link on the page gives a file, named for what it is.
    const link = page.getByRole('link', { name: 'Download (HSDS 3.0 JSON)' });
    await expect(link).toHaveAttribute('href', EXPORT_PATH);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(FILENAME);
    const downloaded = JSON.parse(await readFile(await download.path(), 'utf8')) as HsdsDocument;

    // The same address fetched with the session's cookies: the headers of a JSON attachment.
    const response = await page.request.get(EXPORT_PATH);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/json\b/);
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="${FILENAME}"`);
    expect(response.headers()['cache-control']).toContain('no-store');
    const document = (await response.json()) as HsdsDocument;
    // Same directory, same file: the order is stable.
    expect(document).toEqual(downloaded);

    expectHsdsDocument(document, validate);
    // One organization per directory profile of the demo seed, each exactly once.
    expect(document.organizations).toHaveLength(profiles.length);
    expect(new Set(document.organizations.map((organization) => organization.id))).toEqual(
      new Set(profiles.map((profile) => profile.organisationId)),
    );
    // Organisations by name.
    const names = document.organizations.map((organization) => String(organization.name));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
  });

  test('without a session there is no directory: no cookie leads to the login, an ended session gets 401', async ({ page, context }) => {
    // No cookie at all: the portal's proxy sends every address to the login form, this one too.
    const anonymous = await page.request.get(EXPORT_PATH, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(303);
    expect(new URL(anonymous.headers().location ?? '', 'http://portal').pathname).toBe('/login');
    await expectNoDirectoryIn(anonymous);

    // A cookie whose session has ended (logged out): the route itself refuses, in JSON, without a redirect.
    await signIn(page, ACCOUNTS.coordinator);
    const cookie = (await sessionCookie(context))!;
    expect(cookie).toBeDefined();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/login');
    await context.addCookies([{ ...cookie, name: SESSION_COOKIE }]);

    const ended = await page.request.get(EXPORT_PATH, { maxRedirects: 0 });
    expect(ended.status()).toBe(401);
    expect(ended.headers()['content-type']).toMatch(/^application\/json\b/);
    expect(ended.headers()['content-disposition']).toBeUndefined();
    expect(await ended.json()).toEqual({ error: 'UNAUTHENTICATED' });
  });
});
