import type { z } from 'zod';
import type { CustomerSlaComplianceSchema, SlaReportSchema } from '../../api/routes/slaReport.js';
import type { ApiClient } from './client.js';

/** The SLA report of one month (GET /api/tab/sla-report). */
export type SlaReport = z.infer<typeof SlaReportSchema>;

/** One customer's row of the SLA report. */
export type CustomerSlaCompliance = z.infer<typeof CustomerSlaComplianceSchema>;

/** Loads the SLA report of a month "yyyy-MM", for every customer or only for `customerId`. */
export function loadSlaReport(api: ApiClient, month: string, customerId?: string): Promise<SlaReport> {
  return api.get<SlaReport>('/sla-report', { month, customerId });
}
