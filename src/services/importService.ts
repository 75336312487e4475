import { createHash } from 'node:crypto';

import { DateTime } from 'luxon';

import type { Catalog, PlanId } from '../domain/catalog.js';
import { CUSTOMER_ID_PATTERN, type Customer } from '../domain/customer.js';
import type { OverageDecision } from '../domain/hours/index.js';
import type { CustomerRepository } from '../storage/customers.js';
import { hasSameApprovalFields, type OverageApprovalRepository, type StoredOverageApproval } from '../storage/overageApprovals.js';
import { hasSameFields, type StoredTimeEntry, type TimeEntryRepository } from '../storage/timeEntries.js';
import {
  buildTimeEntryId,
  checkAfterContractStart,
  checkOverageFields,
  checkStartNotAhead,
  checkTimeEntryFields,
  localMonthOf,
  parseInstant,
  type FieldProblem,
} from './timeService.js';

/** One invalid value of an import file, addressed by section and row index, e.g. "timeEntries[4]". */
export interface ImportProblem extends FieldProblem {
  /** "customers[0]", "timeEntries[4]", "overageApprovals[1]", or "file" for the document as a whole. */
  row: string;
}

/** Thrown when an import file has invalid rows or contradicts stored data. Nothing was stored. */
export class ImportRejectedError extends Error {
  override readonly name = 'ImportRejectedError';

  constructor(
    source: string,
    readonly problems: readonly ImportProblem[],
  ) {
    const lines = problems.map((problem) => `  ${problem.row}.${problem.field} = ${preview(problem.value)}: ${problem.reason}`);
    super(`Import of ${source} rejected with ${problems.length} problem(s); nothing was stored.\n${lines.join('\n')}`);
  }
}

/** Counts of the rows that an import created and of those it found already stored. */
export interface ImportSummary {
  customers: { created: number; unchanged: number };
  /** `changedSinceImport` counts rows that an earlier import stored and the consultant then edited or deleted. */
  timeEntries: { created: number; unchanged: number; changedSinceImport: number };
  /** `decidedSinceImport` counts pending rows of an earlier import that an approver has decided since. */
  overageApprovals: { created: number; unchanged: number; decidedSinceImport: number };
}

/** Dependencies of {@link ImportService}. */
export interface ImportServiceDependencies {
  customers: Pick<CustomerRepository, 'get' | 'findByTenant' | 'create'>;
  timeEntries: Pick<TimeEntryRepository, 'listMonths' | 'listHistory' | 'insertAll'>;
  approvals: Pick<OverageApprovalRepository, 'listMonths' | 'insertAll'>;
  catalog: Catalog;
  /** IANA zone of the business calendar; an entry belongs to the local month of its start. */
  zone: string;
  clock: { now(): Date };
}

const TENANT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NAME_LENGTH = 200;
const DECISIONS: readonly OverageDecision[] = ['pending', 'approved', 'declined'];

const SECTION_FIELDS = {
  customers: ['id', 'name', 'plan', 'tenantId', 'contractStart'],
  timeEntries: ['customerId', 'type', 'start', 'minutes', 'request', 'note'],
  overageApprovals: ['customerId', 'month', 'minutes', 'decision', 'decidedBy', 'decidedAt', 'request'],
} as const;

type Section = keyof typeof SECTION_FIELDS;

/** Rows of a checked file, in the form they are stored. */
interface CheckedDocument {
  customers: { row: string; customer: Customer }[];
  timeEntries: { row: string; entry: StoredTimeEntry }[];
  approvals: { row: string; approval: StoredOverageApproval }[];
}

/**
 * Imports customers, time entries and overage approvals from a JSON document, all or nothing: every row
 * is checked first, then checked against the stored data, and only a document without problems is
 * written. Each row gets an id derived from its content, so importing the same document again finds
 * its rows stored and adds nothing.
 */
export class ImportService {
  constructor(private readonly deps: ImportServiceDependencies) {}

  /**
   * Checks and stores an import document of the form
   * `{"customers":[…], "timeEntries":[…], "overageApprovals":[…]}`.
   *
   * NOTE: each write is one transaction per customer partition, so a storage failure during the write
   * phase can leave part of the document stored. Importing the same document again completes it.
   *
   * @param source - Name of the document for messages, e.g. the file path.
   * @param importedBy - Stored as `createdBy` of the imported time entries.
   * @throws ImportRejectedError listing every invalid row and every contradiction with stored data.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async importDocument(document: unknown, source: string, importedBy: string): Promise<ImportSummary> {
    const problems: ImportProblem[] = [];
    const checked = await this.checkDocument(document, importedBy, problems);
    if (problems.length > 0) {
      throw new ImportRejectedError(source, problems);
    }

    const plan = await this.planWrites(checked, problems);
    if (problems.length > 0) {
      throw new ImportRejectedError(source, problems);
    }

    for (const customer of plan.newCustomers) {
      await this.deps.customers.create(customer, []);
    }
    const entryCounts = await this.deps.timeEntries.insertAll(plan.newEntries);
    const approvalCounts = await this.deps.approvals.insertAll(plan.newApprovals);

    return {
      customers: { created: plan.newCustomers.length, unchanged: checked.customers.length - plan.newCustomers.length },
      timeEntries: {
        created: entryCounts.created,
        unchanged: plan.unchangedEntries + entryCounts.unchanged,
        changedSinceImport: plan.changedEntries,
      },
      overageApprovals: {
        created: approvalCounts.created,
        unchanged: plan.unchangedApprovals + approvalCounts.unchanged,
        decidedSinceImport: plan.decidedApprovals,
      },
    };
  }

  /** Checks every row on its own and against the other rows of the document; adds a problem per invalid value. */
  private async checkDocument(document: unknown, importedBy: string, problems: ImportProblem[]): Promise<CheckedDocument> {
    const checked: CheckedDocument = { customers: [], timeEntries: [], approvals: [] };
    const sections = readSections(document, problems);
    if (sections === undefined) {
      return checked;
    }

    const fileCustomers = this.checkCustomers(sections.customers, problems);
    for (const { row, customer } of fileCustomers.valid) {
      checked.customers.push({ row, customer });
    }

    // Customers that the entries and approvals name but the file does not contain must be stored already.
    const knownCustomers = new Map(fileCustomers.valid.map(({ customer }) => [customer.id, customer]));
    const referenced = [...sections.timeEntries, ...sections.overageApprovals]
      .map((row) => (isObject(row) ? row.customerId : undefined))
      .filter((id): id is string => typeof id === 'string' && !fileCustomers.ids.has(id) && CUSTOMER_ID_PATTERN.test(id));
    const stored = await Promise.all([...new Set(referenced)].map((id) => this.deps.customers.get(id)));
    for (const customer of stored) {
      if (customer !== undefined) {
        knownCustomers.set(customer.id, customer);
      }
    }

    const customerOf = (row: string, value: unknown): Customer | undefined | 'unchecked' => {
      if (typeof value !== 'string' || value === '') {
        problems.push({ row, field: 'customerId', value, reason: 'expected the id of a customer' });
        return undefined;
      }
      const customer = knownCustomers.get(value);
      if (customer !== undefined) {
        return customer;
      }
      // An invalid customer row of this file is reported there, not again for each of its entries.
      if (fileCustomers.ids.has(value)) {
        return 'unchecked';
      }
      problems.push({ row, field: 'customerId', value, reason: 'no customer with this id in the file or in storage' });
      return undefined;
    };

    checked.timeEntries = this.checkTimeEntries(sections.timeEntries, customerOf, importedBy, problems);
    checked.approvals = this.checkApprovals(sections.overageApprovals, customerOf, problems);
    return checked;
  }

  private checkCustomers(
    rows: readonly unknown[],
    problems: ImportProblem[],
  ): { valid: { row: string; customer: Customer }[]; ids: Set<string> } {
    const valid: { row: string; customer: Customer }[] = [];
    const ids = new Set<string>();
    const firstRowById = new Map<string, string>();
    const firstRowByTenant = new Map<string, string>();
    const planIds = this.deps.catalog.plans.map((plan) => plan.id);

    rows.forEach((value, index) => {
      const row = `customers[${index}]`;
      const fields = readRow('customers', row, value, problems);
      if (fields === undefined) {
        return;
      }
      const before = problems.length;
      const { id, name, plan, tenantId, contractStart } = fields;

      if (typeof id !== 'string' || !CUSTOMER_ID_PATTERN.test(id)) {
        problems.push({ row, field: 'id', value: id, reason: 'expected 2 to 63 lowercase letters, digits and dashes, starting with a letter or digit' });
      } else {
        ids.add(id);
        const firstRow = firstRowById.get(id);
        if (firstRow !== undefined) {
          problems.push({ row, field: 'id', value: id, reason: `appears already in ${firstRow}` });
        }
        firstRowById.set(id, firstRow ?? row);
      }
      if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
        problems.push({ row, field: 'name', value: name, reason: `expected a name of 1 to ${MAX_NAME_LENGTH} characters` });
      }
      if (typeof plan !== 'string' || !(planIds as string[]).includes(plan)) {
        problems.push({ row, field: 'plan', value: plan, reason: `expected a plan id of the catalog: ${planIds.join(', ')}` });
      }
      if (typeof tenantId !== 'string' || !TENANT_ID_PATTERN.test(tenantId)) {
        problems.push({ row, field: 'tenantId', value: tenantId, reason: 'expected the Entra tenant id, a GUID' });
      } else {
        const firstRow = firstRowByTenant.get(tenantId.toLowerCase());
        if (firstRow !== undefined) {
          problems.push({ row, field: 'tenantId', value: tenantId, reason: `belongs already to the customer in ${firstRow}` });
        }
        firstRowByTenant.set(tenantId.toLowerCase(), firstRow ?? row);
      }
      if (typeof contractStart !== 'string' || !isLocalDate(contractStart)) {
        problems.push({ row, field: 'contractStart', value: contractStart, reason: 'expected a date "yyyy-MM-dd", e.g. 2026-10-01' });
      }

      if (problems.length === before) {
        const customer: Customer = {
          id: id as string,
          name: (name as string).trim(),
          planId: plan as PlanId,
          tenantId: (tenantId as string).toLowerCase(),
          contractStart: contractStart as string,
        };
        valid.push({ row, customer });
      }
    });

    return { valid, ids };
  }

  private checkTimeEntries(
    rows: readonly unknown[],
    customerOf: (row: string, value: unknown) => Customer | undefined | 'unchecked',
    importedBy: string,
    problems: ImportProblem[],
  ): { row: string; entry: StoredTimeEntry }[] {
    const checked: { row: string; entry: StoredTimeEntry }[] = [];
    const occurrences = new Map<string, number>();
    const createdAt = this.deps.clock.now().toISOString();

    rows.forEach((value, index) => {
      const row = `timeEntries[${index}]`;
      const fields = readRow('timeEntries', row, value, problems);
      if (fields === undefined) {
        return;
      }

      const customer = customerOf(row, fields.customerId);
      const result = checkTimeEntryFields(fields);
      problems.push(...result.problems.map((problem) => ({ row, ...problem })));
      if (customer === undefined || customer === 'unchecked' || result.fields === undefined) {
        return;
      }

      const startProblem =
        checkStartNotAhead(result.fields.start, this.deps.clock.now()) ??
        checkAfterContractStart(customer, result.fields.start, this.deps.zone);
      if (startProblem !== undefined) {
        problems.push({ row, ...startProblem, value: fields.start });
        return;
      }

      // Identical rows are legitimate (two equal calls at the same time), so the how-many-th copy is part of the id.
      const { type, start, minutes, request, note } = result.fields;
      const content = JSON.stringify([customer.id, type, start, minutes, request ?? null, note ?? null]);
      const occurrence = (occurrences.get(content) ?? 0) + 1;
      occurrences.set(content, occurrence);

      checked.push({
        row,
        entry: {
          customerId: customer.id,
          month: localMonthOf(result.fields.start, this.deps.zone),
          id: buildTimeEntryId(result.fields.start, contentHash('timeEntry', content, occurrence)),
          ...result.fields,
          createdBy: importedBy,
          createdAt,
          version: 1,
        },
      });
    });

    return checked;
  }

  private checkApprovals(
    rows: readonly unknown[],
    customerOf: (row: string, value: unknown) => Customer | undefined | 'unchecked',
    problems: ImportProblem[],
  ): { row: string; approval: StoredOverageApproval }[] {
    const checked: { row: string; approval: StoredOverageApproval }[] = [];
    const occurrences = new Map<string, number>();

    rows.forEach((value, index) => {
      const row = `overageApprovals[${index}]`;
      const fields = readRow('overageApprovals', row, value, problems);
      if (fields === undefined) {
        return;
      }
      const before = problems.length;

      const customer = customerOf(row, fields.customerId);
      problems.push(...checkOverageFields(fields).map((problem) => ({ row, ...problem })));
      const decision = checkDecision(row, fields, problems);

      if (customer === undefined || customer === 'unchecked' || decision === undefined || problems.length > before) {
        return;
      }
      const month = fields.month as string;
      if (month < customer.contractStart.slice(0, 7)) {
        problems.push({ row, field: 'month', value: month, reason: `lies before the contract start ${customer.contractStart}` });
        return;
      }

      const approval: StoredOverageApproval = {
        customerId: customer.id,
        month,
        id: '',
        minutes: fields.minutes as number,
        decision: decision.decision,
        ...(decision.decidedBy === undefined ? {} : { decidedBy: decision.decidedBy, decidedAt: decision.decidedAt }),
        ...(typeof fields.request === 'string' ? { request: fields.request } : {}),
      };
      const content = JSON.stringify([approval.customerId, approval.month, approval.minutes, approval.decision,
        approval.decidedBy ?? null, approval.decidedAt ?? null, approval.request ?? null]);
      const occurrence = (occurrences.get(content) ?? 0) + 1;
      occurrences.set(content, occurrence);

      checked.push({ row, approval: { ...approval, id: contentHash('overageApproval', content, occurrence) } });
    });

    return checked;
  }

  /**
   * Compares the checked rows with the stored data and sorts them into rows to write and rows already
   * stored. Adds a problem for every row that contradicts a stored row.
   */
  private async planWrites(checked: CheckedDocument, problems: ImportProblem[]): Promise<WritePlan> {
    const plan: WritePlan = {
      newCustomers: [],
      newEntries: [],
      unchangedEntries: 0,
      changedEntries: 0,
      newApprovals: [],
      unchangedApprovals: 0,
      decidedApprovals: 0,
    };

    for (const { row, customer } of checked.customers) {
      if (await this.checkStoredCustomer(row, customer, problems)) {
        plan.newCustomers.push(customer);
      }
    }

    for (const [customerId, rows] of groupBy(checked.timeEntries, ({ entry }) => entry.customerId)) {
      const months = rows.map(({ entry }) => entry.month).sort();
      const firstMonth = months[0] as string;
      const lastMonth = months[months.length - 1] as string;
      const [stored, history] = await Promise.all([
        this.deps.timeEntries.listMonths(customerId, firstMonth, lastMonth),
        this.deps.timeEntries.listHistory(customerId, firstMonth, lastMonth),
      ]);
      const storedById = new Map(stored.map((entry) => [`${entry.month}/${entry.id}`, entry]));
      const changedIds = new Set(history.map(({ before }) => `${before.month}/${before.id}`));

      for (const { row, entry } of rows) {
        const key = `${entry.month}/${entry.id}`;
        const existing = storedById.get(key);
        if (existing !== undefined && hasSameFields(existing, entry)) {
          plan.unchangedEntries += 1;
        } else if (changedIds.has(key)) {
          // An earlier import stored this row, and the consultant edited or deleted it since: keep that.
          plan.changedEntries += 1;
        } else if (existing !== undefined) {
          problems.push({ row, field: 'start', value: entry.start, reason: `entry "${entry.id}" is stored with other fields` });
        } else {
          plan.newEntries.push(entry);
        }
      }
    }

    for (const [customerId, rows] of groupBy(checked.approvals, ({ approval }) => approval.customerId)) {
      const months = rows.map(({ approval }) => approval.month).sort();
      const stored = await this.deps.approvals.listMonths(customerId, months[0] as string, months[months.length - 1] as string);
      const storedById = new Map(stored.map((approval) => [`${approval.month}/${approval.id}`, approval]));

      for (const { row, approval } of rows) {
        const existing = storedById.get(`${approval.month}/${approval.id}`);
        if (existing === undefined) {
          plan.newApprovals.push(approval);
        } else if (hasSameApprovalFields(existing, approval)) {
          plan.unchangedApprovals += 1;
        } else if (approval.decision === 'pending' && existing.decision !== 'pending') {
          plan.decidedApprovals += 1;
        } else {
          problems.push({ row, field: 'decision', value: approval.decision, reason: `approval "${approval.id}" is stored as ${existing.decision}` });
        }
      }
    }

    return plan;
  }

  /**
   * Returns true when the customer is new. A stored customer with the same fields is left as it is.
   * A stored customer with other fields, or another customer with the same tenant, is a problem, because
   * an import never changes stored customers.
   */
  private async checkStoredCustomer(row: string, customer: Customer, problems: ImportProblem[]): Promise<boolean> {
    const [stored, tenantOwner] = await Promise.all([
      this.deps.customers.get(customer.id),
      this.deps.customers.findByTenant(customer.tenantId),
    ]);

    if (tenantOwner !== undefined && tenantOwner.id !== customer.id) {
      problems.push({ row, field: 'tenantId', value: customer.tenantId, reason: `belongs to the stored customer "${tenantOwner.id}"` });
    }
    if (stored === undefined) {
      return true;
    }

    const fileFields: Record<string, string> = { name: customer.name, plan: customer.planId, tenantId: customer.tenantId, contractStart: customer.contractStart };
    const storedFields: Record<string, string> = { name: stored.name, plan: stored.planId, tenantId: stored.tenantId, contractStart: stored.contractStart };
    for (const [field, value] of Object.entries(fileFields)) {
      if (storedFields[field] !== value) {
        problems.push({
          row,
          field,
          value,
          reason: `customer "${customer.id}" is stored with ${field} ${JSON.stringify(storedFields[field])}; an import does not change stored customers`,
        });
      }
    }
    return false;
  }
}

/** Rows to write and counts of rows found stored, the result of comparing a document with storage. */
interface WritePlan {
  newCustomers: Customer[];
  newEntries: StoredTimeEntry[];
  unchangedEntries: number;
  changedEntries: number;
  newApprovals: StoredOverageApproval[];
  unchangedApprovals: number;
  decidedApprovals: number;
}

/** Reads the three sections of the document; each may be missing, which counts as empty. */
function readSections(document: unknown, problems: ImportProblem[]): Record<Section, unknown[]> | undefined {
  if (!isObject(document)) {
    problems.push({ row: 'file', field: '(root)', value: document, reason: 'expected a JSON object with customers, timeEntries and overageApprovals' });
    return undefined;
  }

  const sections: Record<Section, unknown[]> = { customers: [], timeEntries: [], overageApprovals: [] };
  for (const [name, value] of Object.entries(document)) {
    if (!(name in SECTION_FIELDS)) {
      problems.push({ row: 'file', field: name, value: '…', reason: `unknown section; expected ${Object.keys(SECTION_FIELDS).join(', ')}` });
    } else if (!Array.isArray(value)) {
      problems.push({ row: 'file', field: name, value, reason: 'expected an array of rows' });
    } else {
      sections[name as Section] = value;
    }
  }
  return problems.length > 0 ? undefined : sections;
}

/** Returns the row's fields, or undefined after adding a problem when the row is no object. Unknown fields are problems. */
function readRow(section: Section, row: string, value: unknown, problems: ImportProblem[]): Record<string, unknown> | undefined {
  if (!isObject(value)) {
    problems.push({ row, field: '(row)', value, reason: 'expected a JSON object' });
    return undefined;
  }

  const allowed: readonly string[] = SECTION_FIELDS[section];
  for (const field of Object.keys(value)) {
    if (!allowed.includes(field)) {
      problems.push({ row, field, value: value[field], reason: `unknown field; expected ${allowed.join(', ')}` });
    }
  }
  return value;
}

/**
 * Checks the decision and who decided when. A pending approval has neither `decidedBy` nor `decidedAt`,
 * and a decided one needs both.
 */
function checkDecision(
  row: string,
  fields: Record<string, unknown>,
  problems: ImportProblem[],
): { decision: OverageDecision; decidedBy?: string; decidedAt?: string } | undefined {
  const { decision, decidedBy, decidedAt } = fields;
  if (typeof decision !== 'string' || !(DECISIONS as readonly string[]).includes(decision)) {
    problems.push({ row, field: 'decision', value: decision, reason: `expected one of ${DECISIONS.join(', ')}` });
    return undefined;
  }

  if (decision === 'pending') {
    let valid = true;
    for (const [field, value] of Object.entries({ decidedBy, decidedAt })) {
      if (value !== undefined && value !== null) {
        problems.push({ row, field, value, reason: 'must be empty while the decision is pending' });
        valid = false;
      }
    }
    return valid ? { decision: 'pending' } : undefined;
  }

  const decidedAtUtc = parseInstant(decidedAt);
  const validDecider = typeof decidedBy === 'string' && decidedBy.trim() !== '';
  if (!validDecider) {
    problems.push({ row, field: 'decidedBy', value: decidedBy, reason: `must name who decided, because the decision is ${decision}` });
  }
  if (decidedAtUtc === undefined) {
    problems.push({ row, field: 'decidedAt', value: decidedAt, reason: 'expected an ISO 8601 instant with offset, e.g. 2026-11-20T10:15:00+01:00' });
  }
  if (!validDecider || decidedAtUtc === undefined) {
    return undefined;
  }
  return { decision: decision as OverageDecision, decidedBy: decidedBy.trim(), decidedAt: decidedAtUtc };
}

/**
 * Derives a row id from the row's content and its occurrence among identical rows of the file, so the same
 * file always gives the same ids: 16 hex digits (64 bits) of a SHA-256 hash.
 */
function contentHash(kind: string, content: string, occurrence: number): string {
  return createHash('sha256').update(`${kind}\n${content}\n${occurrence}`).digest('hex').slice(0, 16);
}

function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromFormat(value, 'yyyy-MM-dd').isValid;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/** Shows a value for the problem report, cut to 60 characters. */
function preview(value: unknown): string {
  const text = value === undefined ? '(missing)' : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
