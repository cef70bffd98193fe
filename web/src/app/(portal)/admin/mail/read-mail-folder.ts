import 'server-only';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMail, type ParsedMail } from './parse-mail';

/** The outbox id is the file name (services/kit/src/mail/folder-transport.ts); nothing else in the folder is read. */
const MAIL_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.eml$/;

/** How many of the newest messages the page shows: a demo folder, not an archive. */
export const SHOWN_MESSAGES = 50;

/** The newest messages of the demo mail folder; a folder that does not exist yet is simply empty. */
export async function readMailFolder(dir: string): Promise<(ParsedMail & { id: string })[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => MAIL_FILE.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(join(dir, name))).mtimeMs })));
  const newest = dated.sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name)).slice(0, SHOWN_MESSAGES);
  return Promise.all(newest.map(async ({ name }) => ({ id: name.slice(0, -4), ...parseMail(await readFile(join(dir, name), 'utf8')) })));
}
