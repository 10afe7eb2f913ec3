import type { LogLine, PaymentService, ServiceContext } from './service';
import { PaymentDatabase, type PaymentStore, type Reply } from './store';

/**
 * The adapter the harness needs (docs/harness-and-monitor.md): fresh SQLite storage per run, a
 * service started (and restarted after a crash) over the store the harness hands it, and what it
 * shows of itself, read from the committed database. Every log line goes to `log`.
 */
export function paymentAdapter(start: (context: ServiceContext) => Promise<PaymentService>, log: (line: LogLine) => void = () => {}) {
  return {
    newStorage: () => new PaymentDatabase(),
    storeOf: (db: PaymentDatabase): PaymentStore => db.store(),
    async start(store: PaymentStore, db: PaymentDatabase, reply: (requestId: string, reply: Reply) => void) {
      const service = await start({ store, reply, log });
      return {
        handle: (request: unknown) => service.handle(request as Parameters<PaymentService['handle']>[0]),
        observe: () => {
          const account = db.account();
          return account === undefined ? {} : { state: account.state, vars: account.durable };
        },
      };
    },
    crash: () => log({ type: 'crash' }),
  };
}
