import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Adds `.openapi(...)` to every zod schema. Route modules import `z` from this file, so the extension is in
// place before any schema of theirs is built.
extendZodWithOpenApi(z);

export { z };
