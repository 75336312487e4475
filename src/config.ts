import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { LATE_AFTER_MINUTES } from './domain/slaWarnings.js';
import { parseBookableHours } from './calendar/bookableHoursSetting.js';
import type { BookableHours } from './domain/slots/bookableHours.js';

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

/** Variables of the table storage; the `desk` commands that read or write tables need these too. */
const storageEnvSchema = z.object({
  AZURE_STORAGE_CONNECTION_STRING: z.string().min(1).default(AZURITE_CONNECTION_STRING),
  DESK_TABLE_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits, starting with a letter').default('desk'),
});

/** Variables of the consultant's calendar and of bookings; all GRAPH_ variables empty selects the local calendar. */
const calendarEnvSchema = z.object({
  GRAPH_TENANT_ID: optionalText,
  GRAPH_CLIENT_ID: optionalText,
  SECRET_GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_MAILBOX: optionalText.refine(
    (mailbox) => mailbox === undefined || /^[^\s@/]+@[^\s@/]+$/.test(mailbox) || z.string().uuid().safeParse(mailbox).success,
    'expected the consultant\'s mailbox address (e.g. berater@contoso.de) or Entra user id',
  ),
  DESK_BOOKABLE_HOURS: z
    .string()
    .default('1-5 09:00-17:00')
    .transform((setting, context) => {
      try {
        return parseBookableHours(setting);
      } catch (error) {
        context.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
        return z.NEVER;
      }
    }),
  DESK_BOOKING_MIN_NOTICE_MINUTES: z.coerce.number().int('expected whole minutes').min(0).default(120),
  DESK_BOOKING_BUFFER_MINUTES: z.coerce.number().int('expected whole minutes').min(0).max(240).default(15),
});

/** Entra's signing keys for tokens of every tenant. */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/** Variables of the tab's sign-in: the Entra app the Teams SSO token is issued for, and the development sign-in. */
const tabEnvSchema = z.object({
  TAB_SSO_CLIENT_ID: optionalText.refine(
    (clientId) => clientId === undefined || z.string().uuid().safeParse(clientId).success,
    'expected the client id (a GUID) of the Entra app that Teams requests the tab token for',
  ),
  TAB_SSO_APP_ID_URI: optionalText.refine(
    (uri) => uri === undefined || /^api:\/\/\S+$/.test(uri),
    'expected the Application ID URI, e.g. api://desk.example.com/botid-<client id>',
  ),
  TAB_JWKS_URL: z.string().url('expected the https URL of the JSON Web Key Set that signs the tokens').default(ENTRA_JWKS_URL),
  TAB_DEV_SIGN_IN: z.enum(['true', 'false'], { message: 'expected true or false' }).default('false'),
});

/** Set (non-empty) environment variables by name. */
type SetVariables = Partial<Record<string, string>>;

/** Checks that the GRAPH_ variables are either all empty or complete for one sign-in method. */
function graphSettingProblems(env: SetVariables): string[] {
  const problems: string[] = [];
  const secretSettings = [env.GRAPH_TENANT_ID, env.SECRET_GRAPH_CLIENT_SECRET];
  const anyGraphSetting = [...secretSettings, env.GRAPH_CLIENT_ID].some((value) => value !== undefined);
  if (anyGraphSetting && env.GRAPH_MAILBOX === undefined) {
    problems.push(
      'GRAPH_MAILBOX: is required when another GRAPH_ variable is set; leave all GRAPH_ variables empty for the local calendar',
    );
  }
  if (secretSettings.some((value) => value !== undefined)) {
    for (const name of ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'SECRET_GRAPH_CLIENT_SECRET'] as const) {
      if (env[name] === undefined) {
        problems.push(
          `${name}: is required for a client secret sign-in together with GRAPH_TENANT_ID, GRAPH_CLIENT_ID and ` +
            'SECRET_GRAPH_CLIENT_SECRET; leave GRAPH_TENANT_ID and SECRET_GRAPH_CLIENT_SECRET empty to use a managed identity',
        );
      }
    }
  }
  return problems;
}

/** Checks that the tab's sign-in settings fit together and that the development sign-in stays out of production. */
function tabSettingProblems(env: SetVariables): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && env.TAB_DEV_SIGN_IN === 'true') {
    problems.push('TAB_DEV_SIGN_IN: is a local development setting and must be false or empty when NODE_ENV=production');
  }
  if (env.NODE_ENV === 'production' && env.TAB_SSO_CLIENT_ID === undefined) {
    problems.push('TAB_SSO_CLIENT_ID: is required when NODE_ENV=production; without it no Teams token is accepted in the tab');
  }
  const clientId = env.TAB_SSO_CLIENT_ID;
  const appIdUri = env.TAB_SSO_APP_ID_URI;
  if (appIdUri !== undefined && clientId === undefined) {
    problems.push('TAB_SSO_APP_ID_URI: needs TAB_SSO_CLIENT_ID, the client id it ends with');
  }
  // Teams SSO takes api://<domain>/<client id> for a tab, and api://<domain>/botid-<client id> for an app with a bot too.
  if (appIdUri !== undefined && clientId !== undefined && !appIdUri.endsWith(`/${clientId}`) && !appIdUri.endsWith(`/botid-${clientId}`)) {
    problems.push(
      `TAB_SSO_APP_ID_URI: "${appIdUri}" must end with "/${clientId}" or "/botid-${clientId}" (TAB_SSO_CLIENT_ID), as Teams SSO requires`,
    );
  }
  return problems;
}

/** Checks the bot registration and the production-only rules, which involve several variables. */
function botSettingProblems(env: SetVariables): string[] {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  if (production && env.DEV_CONSULTANT_CONVERSATION_ID !== undefined) {
    problems.push('DEV_CONSULTANT_CONVERSATION_ID: is a local development setting and must be empty when NODE_ENV=production');
  }
  if (production && env.BOT_ID === undefined) {
    problems.push('BOT_ID: is required when NODE_ENV=production; without it the bot accepts unauthenticated requests');
  }
  if (env.BOT_ID !== undefined && env.BOT_TYPE !== 'UserAssignedMSI' && env.SECRET_BOT_PASSWORD === undefined) {
    problems.push('SECRET_BOT_PASSWORD: is required when BOT_ID is set, unless BOT_TYPE=UserAssignedMSI');
  }
  return problems;
}

const envSchema = businessEnvSchema
  .merge(storageEnvSchema)
  .merge(calendarEnvSchema)
  .merge(tabEnvSchema)
  .extend({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().ip('expected an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0').default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DESK_SLA_WATCH_INTERVAL_SECONDS: z.coerce
      .number()
      .int('expected whole seconds')
      .min(0, 'expected 0 (off) or more seconds')
      .max(
        LATE_AFTER_MINUTES * 60,
        `expected at most ${LATE_AFTER_MINUTES * 60} seconds, because an SLA warning sent later than that after its due time counts as late`,
      )
      .default(30),

    CONSULTANT_TENANT_ID: z.string().uuid('expected the Entra tenant id (a GUID)'),
    CONSULTANT_AAD_OBJECT_ID: z.string().uuid('expected the Entra object id (a GUID)'),
    CONSULTANT_NAME: z.string().min(1).default('Hotline Desk'),
    CONSULTANT_LANGUAGE: z.enum(['de', 'en']).optional(),
    DEV_CONSULTANT_CONVERSATION_ID: optionalText,

    BOT_ID: optionalText,
    SECRET_BOT_PASSWORD: optionalText,
    BOT_TENANT_ID: optionalText,
    BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
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

/** Table storage settings: the storage account and the prefix of every table name. */
export interface StorageConfig {
  connectionString: string;
  tablePrefix: string;
}

/** The consultant's calendar and the booking rules. */
export interface CalendarConfig {
  /**
   * Microsoft Graph access to the consultant's mailbox; undefined selects the local calendar in the tables.
   * A client secret is used when tenant id, client id and secret are set, a managed identity otherwise.
   */
  graph?: { mailbox: string; tenantId?: string; clientId?: string; clientSecret?: string };
  bookableHours: BookableHours;
  minimumNoticeMinutes: number;
  /** Free time kept before and after each busy calendar item, in minutes. */
  bufferMinutes: number;
}

/** Authentication settings of the tab API. */
export interface TabAuthConfig {
  /** Client id of the Entra app Teams issues the SSO token for; undefined accepts no Teams token. */
  ssoClientId?: string;
  /** Application ID URI of that app (api://<domain>/<client id>); undefined accepts only `api://<client id>` besides the client id. */
  appIdUri?: string;
  /** URL of the JSON Web Key Set whose keys sign the tokens; Entra's common keys by default. */
  jwksUrl: string;
  /** Whether POST /api/tab/dev-sign-in issues tokens; never true in production. */
  devSignIn: boolean;
}

/** Validated settings of one deployment. */
export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  port: number;
  /** Address the HTTP server listens on; 127.0.0.1 keeps a local run off the network. */
  host: string;
  logLevel: string;
  storage: StorageConfig;
  business: BusinessConfig;
  consultant: {
    tenantId: string;
    aadObjectId: string;
    name: string;
    /** Language of the consultant's cards; when unset, the Teams locale of the consultant's chat decides. */
    language?: 'de' | 'en';
    /** Conversation used as the consultant's chat in local runs only, because the Playground has one user. */
    devConversationId?: string;
  };
  bot: { appId?: string; password?: string; tenantId?: string; appType: string };
  /** Seconds between two ticks of the SLA watcher; 0 turns the timer off. */
  slaWatchIntervalSeconds: number;
  calendar: CalendarConfig;
  tab: TabAuthConfig;
}

/**
 * Reads the configuration from environment variables.
 *
 * @throws Error listing every invalid or missing variable with the reason, so one start shows all problems.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const values = parseEnv(envSchema, env, (variables) => [
    ...graphSettingProblems(variables),
    ...botSettingProblems(variables),
    ...tabSettingProblems(variables),
  ]);
  return {
    environment: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    storage: toStorageConfig(values),
    business: toBusinessConfig(values),
    consultant: {
      tenantId: values.CONSULTANT_TENANT_ID,
      aadObjectId: values.CONSULTANT_AAD_OBJECT_ID,
      name: values.CONSULTANT_NAME,
      language: values.CONSULTANT_LANGUAGE,
      devConversationId: values.DEV_CONSULTANT_CONVERSATION_ID,
    },
    bot: {
      appId: values.BOT_ID,
      password: values.SECRET_BOT_PASSWORD,
      tenantId: values.BOT_TENANT_ID,
      appType: values.BOT_TYPE,
    },
    slaWatchIntervalSeconds: values.DESK_SLA_WATCH_INTERVAL_SECONDS,
    calendar: toCalendarConfig(values),
    tab: {
      ssoClientId: values.TAB_SSO_CLIENT_ID,
      appIdUri: values.TAB_SSO_APP_ID_URI,
      jwksUrl: values.TAB_JWKS_URL,
      devSignIn: values.TAB_DEV_SIGN_IN === 'true',
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

/**
 * Reads only the storage settings, for commands that use the tables but neither the bot nor the consultant identity.
 *
 * @throws Error listing every invalid variable.
 */
export function loadStorageConfig(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  return toStorageConfig(parseEnv(storageEnvSchema, env));
}

/**
 * Reads only the calendar and booking settings, for commands that offer slots without the bot.
 *
 * @throws Error listing every invalid variable, including Graph variables that are only partly set.
 */
export function loadCalendarConfig(env: NodeJS.ProcessEnv = process.env): CalendarConfig {
  return toCalendarConfig(parseEnv(calendarEnvSchema, env, graphSettingProblems));
}

function toCalendarConfig(values: z.infer<typeof calendarEnvSchema>): CalendarConfig {
  const mailbox = values.GRAPH_MAILBOX;
  return {
    graph:
      mailbox === undefined
        ? undefined
        : {
            mailbox,
            tenantId: values.GRAPH_TENANT_ID,
            clientId: values.GRAPH_CLIENT_ID,
            clientSecret: values.SECRET_GRAPH_CLIENT_SECRET,
          },
    bookableHours: values.DESK_BOOKABLE_HOURS,
    minimumNoticeMinutes: values.DESK_BOOKING_MIN_NOTICE_MINUTES,
    bufferMinutes: values.DESK_BOOKING_BUFFER_MINUTES,
  };
}

function toStorageConfig(values: z.infer<typeof storageEnvSchema>): StorageConfig {
  return { connectionString: values.AZURE_STORAGE_CONNECTION_STRING, tablePrefix: values.DESK_TABLE_PREFIX };
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

/**
 * Parses the environment; a variable set to an empty string counts as unset, as in env file templates.
 * Checks that involve several variables run on the raw values too, so one error lists every problem.
 */
function parseEnv<Schema extends z.ZodTypeAny>(
  schema: Schema,
  env: NodeJS.ProcessEnv,
  crossChecks: (variables: SetVariables) => string[] = () => [],
): z.infer<Schema> {
  const setVariables: SetVariables = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const result = schema.safeParse(setVariables);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    ...crossChecks(setVariables),
  ];
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
