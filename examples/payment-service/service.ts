import type { AccountRecord, PaymentStore, Reply } from './store';

/** What both versions of the payment service share: their request type, log lines and interface. */

export interface ChargeRequest {
  readonly id: string;
  readonly event: { readonly type: 'Charge'; readonly payload: { readonly amount: number } };
}

/** One line of the service's JSON-lines log (the monitor's format, docs/harness-and-monitor.md). */
export type LogLine =
  | { readonly type: 'received'; readonly id: string; readonly event: 'Charge'; readonly payload: { readonly amount: number } }
  | { readonly type: 'persisted'; readonly id: string }
  | { readonly type: 'replied'; readonly id: string; readonly reply: Reply }
  | { readonly type: 'crash' }
  | { readonly type: 'restart'; readonly state: string; readonly vars: Readonly<Record<string, number>> };

export interface PaymentService {
  handle(request: ChargeRequest): Promise<void>;
  /** The account as this instance sees it. */
  account(): AccountRecord;
}

export interface ServiceContext {
  readonly store: PaymentStore;
  /** Sends a reply to the client. */
  readonly reply: (requestId: string, reply: Reply) => void;
  readonly log: (line: LogLine) => void;
}

export const OPENING: AccountRecord = { state: 'Open', durable: { charges: 0, total: 0 } };

/** Opens the account on first start; later starts are restarts from the committed record. */
export async function openAccount(context: ServiceContext): Promise<AccountRecord> {
  if (await context.store.putIfAbsent(OPENING)) return OPENING;
  const account = (await context.store.get())!;
  context.log({ type: 'restart', state: account.state, vars: account.durable });
  return account;
}

export function charged(account: AccountRecord, amount: number): AccountRecord {
  return { state: 'Open', durable: { charges: account.durable.charges + 1, total: account.durable.total + amount } };
}
