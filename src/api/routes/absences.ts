import {
  MAX_ABSENCE_NOTE_LENGTH,
  MAX_SUBSTITUTE_NAME_LENGTH,
  compareAbsenceOrder,
  type Absence,
} from '../../domain/absence.js';
import { CALLBACK_PHONE_MAX_LENGTH } from '../../domain/requestInput.js';
import { z } from '../openApiZod.js';
import { LimitSchema, cursorSchema, pageAfter, pageSchema } from '../paging.js';
import { defineRoute, type AnyApiRoute } from '../route.js';

const dateOrInstant = z
  .string()
  .min(10)
  .max(40)
  .openapi({ description: 'Local date "yyyy-MM-dd" (whole day) or ISO 8601 instant with offset', example: '2026-12-21' });

/** The partner who covers emergencies during an absence. */
export const SubstituteSchema = z
  .object({
    name: z.string().trim().min(1, 'Required').max(MAX_SUBSTITUTE_NAME_LENGTH),
    phone: z.string().trim().max(CALLBACK_PHONE_MAX_LENGTH).optional(),
    aadObjectId: z.string().uuid().optional(),
    tenantId: z.string().uuid().optional(),
  })
  .openapi('AbsenceSubstitute');

/** A new absence. The service checks the dates, their order and the substitute. */
export const AbsenceInputSchema = z
  .object({
    from: dateOrInstant,
    to: dateOrInstant.openapi({ description: 'Last day (a local date counts to its end) or the end instant, exclusive' }),
    note: z.string().trim().max(MAX_ABSENCE_NOTE_LENGTH).default(''),
    substitute: SubstituteSchema.optional(),
  })
  .openapi('AbsenceInput');

/** A stored absence, [from, to) as instants with the business zone's offset. */
export const AbsenceSchema = z
  .object({
    id: z.string(),
    from: z.string().datetime({ offset: true }),
    to: z.string().datetime({ offset: true }),
    note: z.string(),
    substitute: SubstituteSchema.optional(),
  })
  .openapi('Absence');

const AbsencePathSchema = z.object({ id: z.string().min(1).max(100) });

/** One page of absences in the order of the list. */
const AbsencePageSchema = pageSchema(AbsenceSchema).openapi('AbsencePage');

/** Position in the absence order that a cursor carries: the last absence's start and id. */
const AbsencePositionSchema = z.object({ from: z.string().datetime({ offset: true }), id: z.string() });

const AbsenceListQuerySchema = z.object({ cursor: cursorSchema(AbsencePositionSchema).optional(), limit: LimitSchema });

function toAbsence(absence: Absence): z.input<typeof AbsenceSchema> {
  return { id: absence.id, from: absence.from, to: absence.to, note: absence.note, substitute: absence.substitute };
}

/** Routes of the consultant's absences. */
export const absenceRoutes: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/absences',
    summary: 'Lists absences, past ones included, ordered by start, one page at a time',
    tag: 'Absences',
    request: { query: AbsenceListQuerySchema },
    response: AbsencePageSchema,
    handler: async ({ query, services }) => {
      const page = pageAfter(await services.absences.list(), query.limit, query.cursor, compareAbsenceOrder, (absence) => ({
        from: absence.from,
        id: absence.id,
      }));
      return { items: page.items.map(toAbsence), nextCursor: page.nextCursor };
    },
  }),

  defineRoute({
    method: 'post',
    path: '/absences',
    summary: 'Adds an absence; new deadlines skip it',
    tag: 'Absences',
    successStatus: 201,
    request: { body: AbsenceInputSchema },
    response: AbsenceSchema,
    errors: ['invalidAbsence'],
    handler: async ({ body, services }) => toAbsence(await services.absences.add(body)),
  }),

  defineRoute({
    method: 'delete',
    path: '/absences/{id}',
    summary: 'Removes an absence',
    tag: 'Absences',
    request: { params: AbsencePathSchema },
    response: AbsenceSchema,
    errors: ['notFound'],
    handler: async ({ params, services }) => toAbsence(await services.absences.remove(params.id)),
  }),
];
