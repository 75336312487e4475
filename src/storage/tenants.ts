import type { TableClient } from '@azure/data-tables';
import type { Logger } from 'pino';

import { RowReader, type StoredRow } from './columns.js';
import { callTable, ConflictError, findRow, isConflict, isNotFound, isPreconditionFailed } from './errors.js';
import { encodeKey } from './keys.js';

/** RowKey of the single row per tenant; a fixed RowKey makes a second claim of the tenant fail with 409. */
const CLAIM_ROW_KEY = 'customer';

/** A tenant index row written by this process, with the ETag of that write. */
export interface TenantClaim {
  tenantId: string;
  customerId: string;
  etag: string;
}

/**
 * Returns the tenant id stored on a customer's profile, or undefined when the customer does not exist.
 * The index uses it to tell a live claim from one left behind by an interrupted create.
 */
export type TenantOfCustomer = (customerId: string) => Promise<string | undefined>;

/**
 * Index from Entra tenant id to customer id in table "tenants": PartitionKey = encoded tenant id,
 * RowKey "customer", columns `customerId` and `confirmed`.
 *
 * Claiming a tenant takes three steps: claim (insert, unconfirmed), create the customer rows, confirm
 * (update with the claim's ETag). A create interrupted between the steps leaves an unconfirmed claim.
 * An unconfirmed claim whose customer does not exist, or belongs to another tenant, may be taken over
 * by the next create. Taking over changes the ETag, so the first creator's confirm fails with 412
 * and that creator rolls back.
 */
export class TenantIndex {
  /**
   * @param table - Client of the "tenants" table.
   * @param logger - Receives a warning when a claim could not be released.
   */
  constructor(
    private readonly table: TableClient,
    private readonly logger?: Logger,
  ) {}

  /**
   * Returns the customer id the tenant is claimed for, confirmed or not, or undefined without a claim.
   * Callers must check that the customer's profile names this tenant.
   */
  async lookup(tenantId: string): Promise<string | undefined> {
    const row = await this.read(tenantId);
    return row === undefined ? undefined : new RowReader(row, this.table.tableName).string('customerId');
  }

  /**
   * Claims the tenant for a customer that is about to be created.
   *
   * @throws ConflictError when another customer has the tenant or claims it at the same moment.
   */
  async claim(tenantId: string, customerId: string, tenantOf: TenantOfCustomer): Promise<TenantClaim> {
    const entity = { partitionKey: encodeKey(tenantId), rowKey: CLAIM_ROW_KEY, customerId, confirmed: false };

    try {
      const created = await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
      return { tenantId, customerId, etag: requireEtag(created.etag, tenantId) };
    } catch (error) {
      if (!isConflict(error)) {
        throw error;
      }
    }

    return this.takeOverStaleClaim(tenantId, customerId, tenantOf);
  }

  /**
   * Marks the claim as final once the customer rows exist.
   *
   * @throws RestError with status 412 when another create took the claim over in the meantime.
   */
  async confirm(claim: TenantClaim): Promise<void> {
    const entity = {
      partitionKey: encodeKey(claim.tenantId),
      rowKey: CLAIM_ROW_KEY,
      customerId: claim.customerId,
      confirmed: true,
    };
    await callTable(this.table, 'updateEntity', () => this.table.updateEntity(entity, 'Replace', { etag: claim.etag }));
  }

  /**
   * Deletes an unconfirmed claim after its create failed. A failure is logged and ignored,
   * because the next create of the tenant takes a stale claim over.
   */
  async release(claim: TenantClaim): Promise<void> {
    try {
      await callTable(this.table, 'deleteEntity', () =>
        this.table.deleteEntity(encodeKey(claim.tenantId), CLAIM_ROW_KEY, { etag: claim.etag }),
      );
    } catch (error) {
      // 404 and 412 mean another create already took the claim over; nothing is left to release.
      if (!isNotFound(error) && !isPreconditionFailed(error)) {
        this.logger?.warn(
          { err: error, tenantId: claim.tenantId, customerId: claim.customerId },
          'Could not release the tenant claim of a failed customer create; the next create of this tenant takes it over',
        );
      }
    }
  }

  /**
   * Deletes the tenant's row when it names `customerId`, after that customer moved to another tenant.
   * A row of another customer stays. A failure is logged and ignored: a leftover row keeps the old tenant
   * from being claimed until it is deleted by hand.
   */
  async remove(tenantId: string, customerId: string): Promise<void> {
    try {
      const row = await this.read(tenantId);
      if (row === undefined) return;
      const reader = new RowReader(row, this.table.tableName);
      if (reader.string('customerId') !== customerId) return;
      await callTable(this.table, 'deleteEntity', () => this.table.deleteEntity(encodeKey(tenantId), CLAIM_ROW_KEY, { etag: reader.etag }));
    } catch (error) {
      if (!isNotFound(error) && !isPreconditionFailed(error)) {
        this.logger?.warn({ err: error, tenantId, customerId }, 'Could not delete the tenant row of a customer that moved to another tenant');
      }
    }
  }

  private async takeOverStaleClaim(tenantId: string, customerId: string, tenantOf: TenantOfCustomer): Promise<TenantClaim> {
    const row = await this.read(tenantId);
    if (row === undefined) {
      throw new ConflictError(`Tenant "${tenantId}" is being claimed by another customer create right now; try again`);
    }

    const reader = new RowReader(row, this.table.tableName);
    const holder = reader.string('customerId');
    if (reader.boolean('confirmed') || (await tenantOf(holder)) === tenantId) {
      throw new ConflictError(`Tenant "${tenantId}" is already assigned to customer "${holder}"`);
    }

    const entity = { partitionKey: encodeKey(tenantId), rowKey: CLAIM_ROW_KEY, customerId, confirmed: false };
    try {
      const updated = await callTable(this.table, 'updateEntity', () =>
        this.table.updateEntity(entity, 'Replace', { etag: reader.etag }),
      );
      return { tenantId, customerId, etag: requireEtag(updated.etag, tenantId) };
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) {
        throw new ConflictError(`Tenant "${tenantId}" is being claimed by another customer create right now; try again`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  private async read(tenantId: string): Promise<StoredRow | undefined> {
    return findRow(this.table, encodeKey(tenantId), CLAIM_ROW_KEY);
  }
}

function requireEtag(etag: string | undefined, tenantId: string): string {
  if (etag === undefined) {
    throw new Error(`Azure Table Storage returned no ETag for the claim of tenant "${tenantId}"`);
  }
  return etag;
}
