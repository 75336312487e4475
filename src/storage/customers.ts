import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { Logger } from 'pino';

import type { PlanId } from '../domain/catalog.js';
import type { Contact, Customer, Language } from '../domain/customer.js';
import { assertRowSize, definedColumns, omitUndefined, RowReader, type StoredRow } from './columns.js';
import {
  callTable,
  ConflictError,
  EntityNotFoundError,
  findRow,
  isConflict,
  isNotFound,
  isPreconditionFailed,
  listRows,
  OptimisticConcurrencyError,
} from './errors.js';
import { decodeKey, encodeKey, MAX_KEY_LENGTH } from './keys.js';
import type { StorageTables } from './tables.js';
import { TenantIndex } from './tenants.js';

const PROFILE_ROW_KEY = 'profile';

/** Contact RowKeys are "contact|<encoded aadObjectId>"; "}" is the character after "|", so it bounds a range query. */
const CONTACT_ROW_PREFIX = 'contact|';
const CONTACT_ROW_END = 'contact}';

/** Azure accepts at most 100 operations in one entity group transaction. */
const MAX_TRANSACTION_ACTIONS = 100;

const LANGUAGES: readonly Language[] = ['de', 'en'];

// Keyed by each PlanId so the compiler reports a plan id that the catalog schema gains or loses.
const PLAN_IDS: Record<PlanId, true> = {
  bronze: true,
  silver: true,
  gold: true,
  starter: true,
  professional: true,
  enterprise: true,
};

/**
 * Customers and their contacts in table "customers", one partition per customer: RowKey "profile" contains
 * the {@link Customer}, RowKey "contact|<encoded aadObjectId>" one {@link Contact} each.
 * Table "tenants" maps each Entra tenant id to its customer (see {@link TenantIndex}).
 */
export class CustomerRepository {
  private readonly table: TableClient;
  private readonly tenants: TenantIndex;
  private readonly logger: Logger | undefined;

  /**
   * @param tables - Table clients from `createStorage`; this repository uses "customers" and "tenants".
   * @param options - Logger for warnings about rollbacks that failed.
   */
  constructor(tables: StorageTables, options: { logger?: Logger } = {}) {
    this.table = tables.customers;
    this.logger = options.logger;
    this.tenants = new TenantIndex(tables.tenants, options.logger);
  }

  /**
   * Stores a new customer with its contacts and indexes its tenant.
   *
   * NOTE: with more than 99 contacts the rows are written in several transactions. If a later one fails,
   * the customer exists with only part of its contacts and the error is thrown.
   *
   * @throws ConflictError when the customer id or the tenant is already taken.
   * @throws RangeError when the id or tenant id is empty, or a contact belongs to another customer or appears twice.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async create(customer: Customer, contacts: readonly Contact[]): Promise<void> {
    assertNewCustomer(customer, contacts);

    const claim = await this.tenants.claim(customer.tenantId, customer.id, (id) => this.tenantOf(id));

    try {
      await this.insertRows(customer, contacts);
    } catch (error) {
      await this.tenants.release(claim);
      if (isConflict(error)) {
        throw new ConflictError(`Customer id "${customer.id}" is already taken; choose another id`, { cause: error });
      }
      throw error;
    }

    try {
      await this.tenants.confirm(claim);
    } catch (error) {
      if (!isPreconditionFailed(error) && !isNotFound(error)) {
        throw error;
      }
      await this.deleteRows(customer, contacts);
      const message = `Tenant "${customer.tenantId}" was claimed by another customer while "${customer.id}" was created`;
      throw new ConflictError(message, { cause: error });
    }
  }

  /**
   * Adds a contact to an existing customer. When the contact already exists, for example because Teams
   * delivered the same activity twice, it returns the stored contact and leaves it unchanged.
   *
   * @returns The contact as stored.
   * @throws EntityNotFoundError when the customer does not exist.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async addContact(contact: Contact): Promise<Contact> {
    if ((await this.get(contact.customerId)) === undefined) {
      throw new EntityNotFoundError(`Customer "${contact.customerId}" not found; cannot add contact "${contact.aadObjectId}"`);
    }

    const entity = contactEntity(contact);
    assertRowSize(entity, this.table.tableName);

    try {
      await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
      return contact;
    } catch (error) {
      if (!isConflict(error)) {
        throw error;
      }
    }

    const stored = await this.getContact(contact.customerId, contact.aadObjectId);
    if (stored === undefined) {
      throw new EntityNotFoundError(
        `Contact "${contact.aadObjectId}" of customer "${contact.customerId}" was deleted while it was being added; try again`,
      );
    }
    return stored;
  }

  /**
   * Replaces a customer's profile and contacts in one transaction, conditional on the profile's ETag:
   * contacts missing from `contacts` are deleted and the others written as given. A changed tenant id is
   * claimed before the write and the old tenant's index row deleted after it.
   *
   * NOTE: when another create takes over the new tenant's claim between the claim and its confirmation,
   * the profile is written back as it was, but contact changes of this call stay.
   *
   * @throws EntityNotFoundError when the customer does not exist.
   * @throws ConflictError when the new tenant belongs to another customer.
   * @throws OptimisticConcurrencyError when someone else changed the profile since it was read.
   * @throws RangeError when a contact belongs to another customer or appears twice, or the change needs
   *   more than 100 row operations.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async update(customer: Customer, contacts: readonly Contact[]): Promise<void> {
    assertNewCustomer(customer, contacts);
    const partitionKey = encodeKey(customer.id);
    const row = await findRow(this.table, partitionKey, PROFILE_ROW_KEY);
    if (row === undefined) throw new EntityNotFoundError(`Customer "${customer.id}" not found`);
    const before = this.toCustomer(row);
    const etag = new RowReader(row, this.table.tableName).etag;

    const kept = new Set(contacts.map((contact) => contactRowKey(contact.aadObjectId)));
    const removed = (await this.listContacts(customer.id)).filter((contact) => !kept.has(contactRowKey(contact.aadObjectId)));
    const entities = [profileEntity(customer), ...contacts.map(contactEntity)];
    for (const entity of entities) assertRowSize(entity, this.table.tableName);
    const actions: TransactionAction[] = [
      ['update', profileEntity(customer), 'Replace', { etag }],
      ...contacts.map((contact): TransactionAction => ['upsert', contactEntity(contact), 'Replace']),
      ...removed.map((contact): TransactionAction => ['delete', { partitionKey, rowKey: contactRowKey(contact.aadObjectId) }]),
    ];
    if (actions.length > MAX_TRANSACTION_ACTIONS) {
      throw new RangeError(
        `Update of customer "${customer.id}" needs ${actions.length} row operations, at most ${MAX_TRANSACTION_ACTIONS} fit one transaction`,
      );
    }

    const tenantChanged = before.tenantId !== customer.tenantId;
    const claim = tenantChanged ? await this.tenants.claim(customer.tenantId, customer.id, (id) => this.tenantOf(id)) : undefined;
    try {
      await callTable(this.table, 'submitTransaction', () => this.table.submitTransaction(actions));
    } catch (error) {
      if (claim) await this.tenants.release(claim);
      if (isPreconditionFailed(error)) throw new OptimisticConcurrencyError(`customer "${customer.id}"`, 1, error);
      throw error;
    }
    if (!claim) return;

    try {
      await this.tenants.confirm(claim);
    } catch (error) {
      if (!isPreconditionFailed(error) && !isNotFound(error)) throw error;
      await callTable(this.table, 'updateEntity', () => this.table.updateEntity(profileEntity(before), 'Replace'));
      throw new ConflictError(`Tenant "${customer.tenantId}" was claimed by another customer while "${customer.id}" was updated`, {
        cause: error,
      });
    }
    await this.tenants.remove(before.tenantId, customer.id);
  }

  /** Returns the customer with this id, or undefined when there is none. */
  async get(id: string): Promise<Customer | undefined> {
    const row = await findRow(this.table, encodeKey(id), PROFILE_ROW_KEY);
    return row === undefined ? undefined : this.toCustomer(row);
  }

  /** Returns the customer whose Microsoft 365 tenant has this Entra tenant id, or undefined for an unknown tenant. */
  async findByTenant(tenantId: string): Promise<Customer | undefined> {
    const customerId = await this.tenants.lookup(tenantId);
    if (customerId === undefined) {
      return undefined;
    }

    // A claim left behind by an interrupted create may name a customer that does not exist or has another tenant.
    const customer = await this.get(customerId);
    return customer?.tenantId === tenantId ? customer : undefined;
  }

  /** Returns the contact with this Entra object id at the customer, or undefined when there is none. */
  async getContact(customerId: string, aadObjectId: string): Promise<Contact | undefined> {
    const row = await findRow(this.table, encodeKey(customerId), contactRowKey(aadObjectId));
    return row === undefined ? undefined : this.toContact(row);
  }

  /** Returns the customer's contacts ordered by encoded Entra object id. */
  async listContacts(customerId: string): Promise<Contact[]> {
    const partitionKey = encodeKey(customerId);
    const rows = await listRows(
      this.table,
      odata`PartitionKey eq ${partitionKey} and RowKey gt ${CONTACT_ROW_PREFIX} and RowKey lt ${CONTACT_ROW_END}`,
    );
    return rows.map((row) => this.toContact(row));
  }

  /** Returns every customer ordered by encoded id. */
  async list(): Promise<Customer[]> {
    const rows = await listRows(this.table, odata`RowKey eq ${PROFILE_ROW_KEY}`);
    return rows.map((row) => this.toCustomer(row));
  }

  /** Returns whether no customer is stored yet, e.g. to decide whether to import demo data. */
  async isEmpty(): Promise<boolean> {
    const pages = this.table
      .listEntities({ queryOptions: { filter: odata`RowKey eq ${PROFILE_ROW_KEY}`, select: ['RowKey'] } })
      .byPage({ maxPageSize: 1 });

    return callTable(this.table, 'listEntities', async () => {
      // A filtered query may return an empty page with a continuation token, so read on until a row or the end.
      for await (const page of pages) {
        if (page.length > 0) {
          return false;
        }
      }
      return true;
    });
  }

  private async insertRows(customer: Customer, contacts: readonly Contact[]): Promise<void> {
    const entities = [profileEntity(customer), ...contacts.map(contactEntity)];
    for (const entity of entities) {
      assertRowSize(entity, this.table.tableName);
    }
    const actions = entities.map((entity): TransactionAction => ['create', entity]);

    // All rows share the customer's partition, so each chunk is one atomic transaction; the profile is in the first.
    for (let start = 0; start < actions.length; start += MAX_TRANSACTION_ACTIONS) {
      const chunk = actions.slice(start, start + MAX_TRANSACTION_ACTIONS);
      await callTable(this.table, 'submitTransaction', () => this.table.submitTransaction(chunk));
    }
  }

  /** Deletes rows this process has just inserted; no other writer changes them because the tenant claim was never confirmed. */
  private async deleteRows(customer: Customer, contacts: readonly Contact[]): Promise<void> {
    const partitionKey = encodeKey(customer.id);
    const actions: TransactionAction[] = [
      ['delete', { partitionKey, rowKey: PROFILE_ROW_KEY }],
      ...contacts.map((contact): TransactionAction => ['delete', { partitionKey, rowKey: contactRowKey(contact.aadObjectId) }]),
    ];

    try {
      for (let start = 0; start < actions.length; start += MAX_TRANSACTION_ACTIONS) {
        const chunk = actions.slice(start, start + MAX_TRANSACTION_ACTIONS);
        await callTable(this.table, 'submitTransaction', () => this.table.submitTransaction(chunk));
      }
    } catch (error) {
      this.logger?.warn(
        { err: error, customerId: customer.id, tenantId: customer.tenantId },
        'Could not delete the rows of a customer whose tenant was taken during create; delete them by hand',
      );
    }
  }

  private async tenantOf(customerId: string): Promise<string | undefined> {
    return (await this.get(customerId))?.tenantId;
  }

  private toCustomer(row: StoredRow): Customer {
    const columns = new RowReader(row, this.table.tableName);
    return {
      id: columns.partitionKey(),
      name: columns.string('name'),
      planId: columns.oneOf('planId', Object.keys(PLAN_IDS) as PlanId[]),
      tenantId: columns.string('tenantId'),
      contractStart: columns.string('contractStart'),
    };
  }

  private toContact(row: StoredRow): Contact {
    const columns = new RowReader(row, this.table.tableName);
    const required = {
      customerId: columns.partitionKey(),
      aadObjectId: decodeKey(columns.rowKey().slice(CONTACT_ROW_PREFIX.length)),
      name: columns.string('name'),
      approver: columns.boolean('approver'),
    };

    const optional = omitUndefined({
      email: columns.optionalString('email'),
      phone: columns.optionalString('phone'),
      language: columns.optionalOneOf('language', LANGUAGES),
    });

    return { ...required, ...optional };
  }
}

function profileEntity(customer: Customer) {
  return {
    partitionKey: encodeKey(customer.id),
    rowKey: PROFILE_ROW_KEY,
    name: customer.name,
    planId: customer.planId,
    tenantId: customer.tenantId,
    contractStart: customer.contractStart,
  };
}

function contactEntity(contact: Contact) {
  return {
    partitionKey: encodeKey(contact.customerId),
    rowKey: contactRowKey(contact.aadObjectId),
    ...definedColumns({
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      language: contact.language,
      approver: contact.approver,
    }),
  };
}

function contactRowKey(aadObjectId: string): string {
  const rowKey = CONTACT_ROW_PREFIX + encodeKey(aadObjectId);
  if (rowKey.length > MAX_KEY_LENGTH) {
    throw new RangeError(
      `Invalid contact aadObjectId "${aadObjectId.slice(0, 40)}...": the RowKey would exceed ${MAX_KEY_LENGTH} characters`,
    );
  }
  return rowKey;
}

function assertNewCustomer(customer: Customer, contacts: readonly Contact[]): void {
  if (customer.id.length === 0 || customer.tenantId.length === 0) {
    throw new RangeError(
      `Invalid customer "${customer.name}": id "${customer.id}" and tenantId "${customer.tenantId}" must be non-empty`,
    );
  }

  const seen = new Set<string>();

  for (const contact of contacts) {
    if (contact.customerId !== customer.id) {
      throw new RangeError(
        `Invalid contact "${contact.aadObjectId}": its customerId "${contact.customerId}" ` +
          `differs from the new customer "${customer.id}"`,
      );
    }
    if (seen.has(contact.aadObjectId)) {
      throw new RangeError(`Invalid contacts for customer "${customer.id}": aadObjectId "${contact.aadObjectId}" appears twice`);
    }
    seen.add(contact.aadObjectId);
  }
}
