import { escapeIdentifier } from 'pg';
import { withClient } from './with-client';

/** Creates a database on the server of `serverUrl` (any database the admin can connect to). */
export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${escapeIdentifier(name)}`));
}

/** Drops it even while clients are still connected (PostgreSQL 13+ FORCE). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`));
}
