/**
 * Where the benchmark's servers log: warnings and errors (a failed request's cause) to stderr; request logs
 * are dropped, they would drown the tables and cost memory over a hundred thousand requests.
 */
export function warningsToStderr(line: string): void {
  if (!line.includes('"level":"info"')) process.stderr.write(line + '\n');
}
