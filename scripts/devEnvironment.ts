import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/** Environment for the app in a local run, and where each part of it came from. */
export interface DevEnvironment {
  /** Variables for the app: the env files merged, then the shell on top. */
  variables: Record<string, string>;
  /** Env files that were read, relative to the repository root, in load order. */
  filesRead: string[];
  /** Names of variables whose file value the shell replaced (values are never logged). */
  shellOverrides: string[];
}

/**
 * Loads `env/.env.<name>` (required) and `env/.env.<name>.user` (optional, git-ignored secrets)
 * in the format of the Microsoft 365 Agents Toolkit env files.
 *
 * The `.user` file wins over the committed file, and a variable already set in the shell wins
 * over both, so `PORT=4000 npm start` works. An empty value counts as unset, because the toolkit
 * keeps empty placeholders (BOT_ID=, ...) that the app must not read as real values.
 *
 * @throws Error naming the missing file when `env/.env.<name>` does not exist.
 */
export function loadDevEnvironment(
  repositoryRoot: string,
  environmentName: string,
  shell: NodeJS.ProcessEnv = process.env,
): DevEnvironment {
  const committedFile = join('env', `.env.${environmentName}`);
  const userFile = `${committedFile}.user`;
  if (!existsSync(join(repositoryRoot, committedFile))) {
    throw new Error(`Environment file ${committedFile} not found; pass an existing environment with --env NAME.`);
  }

  const fromFiles: Record<string, string> = {};
  const filesRead: string[] = [];
  for (const file of [committedFile, userFile]) {
    const path = join(repositoryRoot, file);
    if (!existsSync(path)) continue;
    Object.assign(fromFiles, parseEnv(readFileSync(path, 'utf8')));
    filesRead.push(file);
  }

  const variables: Record<string, string> = {};
  const shellOverrides: string[] = [];
  for (const [name, value] of Object.entries(fromFiles)) {
    if (value === undefined || value === '') continue;
    variables[name] = value;
  }
  for (const [name, value] of Object.entries(shell)) {
    if (value === undefined || value === '') continue;
    if (name in variables && variables[name] !== value) shellOverrides.push(name);
    variables[name] = value;
  }

  return { variables, filesRead, shellOverrides: shellOverrides.sort() };
}
