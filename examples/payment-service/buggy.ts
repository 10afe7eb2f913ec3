import { charged, openAccount, type PaymentService, type ServiceContext } from './service';
import type { Reply } from './store';

/**
 * The first version of the payment service, with two bugs the harness finds:
 * it answers ok before its transaction commits (a crash in between loses an acknowledged charge),
 * and it keeps its idempotency table in memory (a retry after a crash charges twice).
 */
export async function startBuggyService(context: ServiceContext): Promise<PaymentService> {
  const { store, reply, log } = context;
  let account = await openAccount(context);
  const answered = new Map<string, Reply>(); // Bug: gone after a crash.
  return {
    account: () => account,
    async handle(request) {
      const { id } = request;
      log({ type: 'received', id, event: 'Charge', payload: request.event.payload });
      const cached = answered.get(id);
      if (cached !== undefined) {
        reply(id, cached);
        log({ type: 'replied', id, reply: cached });
        return;
      }
      const next = charged(account, request.event.payload.amount);
      // Bug: the client hears ok before the charge is durable.
      reply(id, 'ok');
      log({ type: 'replied', id, reply: 'ok' });
      await store.commit(next);
      log({ type: 'persisted', id });
      account = next;
      answered.set(id, 'ok');
    },
  };
}
