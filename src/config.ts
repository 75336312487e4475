import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { z } from 'zod';

/** Connection string of the local Azurite table service that `npm start` runs. */
export const AZURITE_CONNECTION_STRING =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;' +
  'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
  'TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';

/** The committed catalog, found relative to this file so the app and the CLI work from any directory. */
const defaultCatalogPath = fileURLToPath(new URL('../config/plans.json', import.meta.url));

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Variables of the business calendar and catalog; the `desk` command line needs only these. */
const businessEnvSchema = z.object({
  DESK_TIME_ZONE: z
    .string()
    .default('Europe/Berlin')
    .refine((zone) => DateTime.local().setZone(zone).isValid, 'not an IANA time zone'),
  DESK_HOLIDAY_REGION: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'expected e.g. "DE-NW"').default('DE-NW'),
  DESK_EXTRA_CLOSED_DATES: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((date) => date.trim()).filter((date) => date !== '')),
  DESK_CATALOG_PATH: z.string().min(1).default(defaultCatalogPath),
  DESK_DEMO_DATA_PATH: optionalText,
  DESK_HOTLINE_PHONE: z.string().min(1).default('+49 211 5550000'),
  DESK_EMERGENCY_PHONE: z.string().min(1).default('+49 171 5550199'),
});

const envSchema = businessEnvSchema
  .extend({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    AZURE_STORAGE_CONNECTION_STRING: z.string().min(1).default(AZURITE_CONNECTION_STRING),
    DESK_TABLE_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits, starting with a letter').default('desk'),

    CONSULTANT_TENANT_ID: z.string().uuid('expected the Entra tenant id (a GUID)'),
    CONSULTANT_AAD_OBJECT_ID: z.string().uuid('expected the Entra object id (a GUID)'),
    CONSULTANT_NAME: z.string().min(1).default('Hotline Desk'),
    DEV_CONSULTANT_CONVERSATION_ID: optionalText,

    BOT_ID: optionalText,
    SECRET_BOT_PASSWORD: optionalText,
    BOT_TENANT_ID: optionalText,
    BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && env.DEV_CONSULTANT_CONVERSATION_ID) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['DEV_CONSULTANT_CONVERSATION_ID'],
        message: 'is a local development setting and must be empty when NODE_ENV=production',
      });
    }
    if (env.NODE_ENV === 'production' && !env.BOT_ID) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['BOT_ID'],
        message: 'is required when NODE_ENV=production; without it the bot accepts unauthenticated requests',
      });
    }
  });

/** Business calendar and catalog settings. */
export interface BusinessConfig {
  zone: string;
  holidayRegion: string;
  extraClosedDates: string[];
  catalogPath: string;
  demoDataPath?: string;
  hotlinePhone: string;
  emergencyPhone: string;
}

/** Validated settings of one deployment. */
export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  port: number;
  logLevel: string;
  storage: { connectionString: string; tablePrefix: string };
  business: BusinessConfig;
  consultant: {
    tenantId: string;
    aadObjectId: string;
    name: string;
    /** Local runs only: the conversation that stands in for the consultant's chat. */
    devConversationId?: string;
  };
  bot: { appId?: string; password?: string; tenantId?: string; appType: string };
}

/**
 * Reads the configuration from environment variables.
 *
 * @throws Error listing every invalid or missing variable with the reason, so one start shows all problems.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const values = parseEnv(envSchema, env);
  return {
    environment: values.NODE_ENV,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    storage: { connectionString: values.AZURE_STORAGE_CONNECTION_STRING, tablePrefix: values.DESK_TABLE_PREFIX },
    business: toBusinessConfig(values),
    consultant: {
      tenantId: values.CONSULTANT_TENANT_ID,
      aadObjectId: values.CONSULTANT_AAD_OBJECT_ID,
      name: values.CONSULTANT_NAME,
      devConversationId: values.DEV_CONSULTANT_CONVERSATION_ID,
    },
    bot: {
      appId: values.BOT_ID,
      password: values.SECRET_BOT_PASSWORD,
      tenantId: values.BOT_TENANT_ID,
      appType: values.BOT_TYPE,
    },
  };
}

/**
 * Reads only the business calendar and catalog settings, for commands that need no storage or bot.
 *
 * @throws Error listing every invalid variable.
 */
export function loadBusinessConfig(env: NodeJS.ProcessEnv = process.env): BusinessConfig {
  return toBusinessConfig(parseEnv(businessEnvSchema, env));
}

function toBusinessConfig(values: z.infer<typeof businessEnvSchema>): BusinessConfig {
  return {
    zone: values.DESK_TIME_ZONE,
    holidayRegion: values.DESK_HOLIDAY_REGION,
    extraClosedDates: values.DESK_EXTRA_CLOSED_DATES,
    catalogPath: values.DESK_CATALOG_PATH,
    demoDataPath: values.DESK_DEMO_DATA_PATH,
    hotlinePhone: values.DESK_HOTLINE_PHONE,
    emergencyPhone: values.DESK_EMERGENCY_PHONE,
  };
}

/** Parses the environment; a variable set to an empty string counts as unset, as in env file templates. */
function parseEnv<Schema extends z.ZodTypeAny>(schema: Schema, env: NodeJS.ProcessEnv): z.infer<Schema> {
  const setVariables = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = schema.safeParse(setVariables);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
