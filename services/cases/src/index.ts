import { runSubgraph } from '@haven/kit/src/http/run-service';
import { loadCasesConfig } from './config';
import { createCasesDb } from './db';
import { createCasesServer } from './server';

void runSubgraph({ name: 'cases', loadConfig: loadCasesConfig, createDb: createCasesDb, createServer: createCasesServer });
