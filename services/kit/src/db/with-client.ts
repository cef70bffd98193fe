import { Client } from 'pg';

/** One short-lived connection for admin work (migrations aside): connect, do `work`, always disconnect. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'haven-admin' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
