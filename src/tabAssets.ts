import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type restify from 'restify';
import type { Logger } from './logger.js';

/** URL path under which the server serves the built tab. Vite builds the tab with this base. */
export const TAB_PATH = '/tab';

/** Output folder of `npm run build:tab`, found relative to this file so the server works from any directory. */
export const DEFAULT_TAB_FOLDER = fileURLToPath(new URL('../dist/tab/', import.meta.url));

/** Vite writes content-hashed file names into this sub-folder, so a changed file always gets a new URL. */
const HASHED_ASSETS_PREFIX = 'assets/';

/** One year: browsers keep hashed assets until their URL changes with the next build. */
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';

/** index.html and unhashed files are checked on every load, so a new build shows at once. */
const REVALIDATE_CACHE = 'no-cache';

/**
 * Hosts that may show the tab in a frame: this server itself, Teams, and the Microsoft 365 app. The list
 * follows Microsoft's tab requirements page (learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements):
 * *.cloud.microsoft for all hosts, teams.microsoft.com and *.teams.microsoft.com for Teams, *.microsoft365.com
 * and *.office.com for the Microsoft 365 app. The sources name https explicitly, because Teams serves only
 * HTTPS and a source without a scheme would also admit plain-HTTP pages when the tab itself runs on HTTP.
 */
export const TAB_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
] as const;

/** Content-Security-Policy of every /tab response: only the hosts above may frame the tab. */
const CONTENT_SECURITY_POLICY = `frame-ancestors ${TAB_FRAME_ANCESTORS.join(' ')}`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Hotline Desk</title></head>
<body style="font-family: 'Segoe UI', sans-serif; margin: 2rem">
<h1>Hotline Desk</h1>
<p>Der Berater-Tab ist noch nicht gebaut. Führen Sie <code>npm run build:tab</code> aus und laden Sie die Seite neu.</p>
<p lang="en">The consultant's tab has not been built. Run <code>npm run build:tab</code> and reload the page.</p>
</body></html>`;

/** Result of resolving a path: the file to send, or the reason none is sent. */
type Resolved =
  | { kind: 'file'; path: string; cacheControl: string }
  | { kind: 'missingBuild' }
  | { kind: 'notFound' }
  | { kind: 'badPath' };

/**
 * Serves the built tab from `folder` under /tab and /tab/: files by path with their content type, and
 * index.html for a sub-path without a file extension, so reloading a screen's URL opens the tab. A missing
 * file with an extension gets 404 rather than index.html, so a stale script URL fails visibly. Paths that
 * leave the folder or name a dot file get 400. Without a build, /tab responds with a page that explains how to build it.
 */
export function mountTabAssets(server: restify.Server, logger: Logger, folder: string = DEFAULT_TAB_FOLDER): void {
  const root = resolve(folder);
  // The missing build is logged once, not on every request, and again after a build appeared and went.
  let missingBuildLogged = false;

  const handler = async (request: restify.Request, response: restify.Response): Promise<void> => {
    const subPath = (request.getPath() ?? '').slice(TAB_PATH.length).replace(/^\/+/, '');
    const resolved = await resolveTabFile(root, subPath);

    if (resolved.kind === 'missingBuild') {
      if (!missingBuildLogged) logger.warn({ folder: root }, 'tab build is missing; run npm run build:tab');
      missingBuildLogged = true;
      sendText(response, request.method, 503, 'text/html; charset=utf-8', REVALIDATE_CACHE, MISSING_BUILD_PAGE);
      return;
    }
    if (resolved.kind === 'badPath') {
      sendText(response, request.method, 400, 'text/plain; charset=utf-8', REVALIDATE_CACHE, 'Invalid path');
      return;
    }
    if (resolved.kind === 'notFound') {
      sendText(response, request.method, 404, 'text/plain; charset=utf-8', REVALIDATE_CACHE, 'Not found');
      return;
    }

    missingBuildLogged = false;
    const body = await readFile(resolved.path);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(resolved.path).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': resolved.cacheControl,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  for (const path of [TAB_PATH, `${TAB_PATH}/`, `${TAB_PATH}/*`]) {
    server.get(path, handler);
    server.head(path, handler);
  }
}

/** Maps a path below /tab/ (already without the prefix, still URL-encoded) to the file to send. */
async function resolveTabFile(root: string, encodedSubPath: string): Promise<Resolved> {
  const indexPath = resolve(root, 'index.html');
  if (!(await isFile(indexPath))) return { kind: 'missingBuild' };

  let subPath: string;
  try {
    subPath = decodeURIComponent(encodedSubPath);
  } catch {
    return { kind: 'badPath' };
  }
  if (subPath === '') return { kind: 'file', path: indexPath, cacheControl: REVALIDATE_CACHE };

  const segments = subPath.split(/[/\\]/);
  if (subPath.includes('\0') || segments.some((segment) => segment.startsWith('.'))) return { kind: 'badPath' };
  const filePath = resolve(root, ...segments);
  if (!filePath.startsWith(root + sep)) return { kind: 'badPath' };

  if (await isFile(filePath)) {
    const hashed = subPath.startsWith(HASHED_ASSETS_PREFIX);
    return { kind: 'file', path: filePath, cacheControl: hashed ? HASHED_ASSET_CACHE : REVALIDATE_CACHE };
  }
  if (extname(subPath) !== '') return { kind: 'notFound' };
  return { kind: 'file', path: indexPath, cacheControl: REVALIDATE_CACHE };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function sendText(
  response: restify.Response,
  method: string | undefined,
  status: number,
  contentType: string,
  cacheControl: string,
  text: string,
): void {
  const body = Buffer.from(text, 'utf8');
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': body.length,
    'cache-control': cacheControl,
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  response.end(method === 'HEAD' ? undefined : body);
}
